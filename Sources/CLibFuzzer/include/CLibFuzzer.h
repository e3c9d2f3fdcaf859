// libFuzzer's driver entry (compiler-rt), for the fuzz targets' own main. Defined only
// when linked with -sanitize=fuzzer; referenced only when built with -DFUZZING.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
