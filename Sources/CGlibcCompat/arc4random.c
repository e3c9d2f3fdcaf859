// GCC 12's static libstdc++ (std::random_device) calls arc4random, which glibc has only
// since 2.36; Amazon Linux 2023 has 2.34. Defined here, the linker resolves it inside the
// executable, so no GLIBC_2.36 requirement is recorded. getrandom (2.25) reads the same
// kernel source glibc's arc4random does.
#include <errno.h>
#include <stdint.h>
#include <sys/random.h>

uint32_t arc4random(void) {
    uint32_t value;
    unsigned char *bytes = (unsigned char *)&value;
    size_t filled = 0;
    while (filled < sizeof value) {
        ssize_t count = getrandom(bytes + filled, sizeof value - filled, 0);
        if (count > 0) {
            filled += (size_t)count;
        } else if (count < 0 && errno != EINTR) {
            __builtin_trap();  // no randomness at all: stop rather than return a guessable value
        }
    }
    return value;
}
