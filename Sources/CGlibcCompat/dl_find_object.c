// GCC 12's static unwinder (libgcc_eh, linked so that no libgcc_s.so.1 is needed) finds
// exception-handling frames with _dl_find_object, which glibc has only since 2.35; Amazon
// Linux 2023 has 2.34. This definition, resolved inside the executable, answers the same
// question from dl_iterate_phdr (glibc 2.2.5): the loaded object whose PT_LOAD segments
// hold the address, and its PT_GNU_EH_FRAME.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>

#ifdef DLFO_STRUCT_HAS_EH_DBASE
struct cglibc_find {
    uintptr_t address;
    struct dl_find_object *result;
    int found;
};

static int cglibc_find_in(struct dl_phdr_info *info, size_t size, void *context) {
    (void)size;
    struct cglibc_find *find = context;
    uintptr_t start = UINTPTR_MAX, end = 0, eh_frame = 0;
    int contains = 0;
    for (size_t i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        uintptr_t from = info->dlpi_addr + segment->p_vaddr;
        if (segment->p_type == PT_LOAD) {
            uintptr_t to = from + segment->p_memsz;
            if (from < start) start = from;
            if (to > end) end = to;
            if (find->address >= from && find->address < to) contains = 1;
        } else if (segment->p_type == PT_GNU_EH_FRAME) {
            eh_frame = from;
        }
    }
    if (!contains) return 0;
    find->result->dlfo_flags = 0;
    find->result->dlfo_map_start = (void *)start;
    find->result->dlfo_map_end = (void *)end;
    find->result->dlfo_link_map = NULL;
    find->result->dlfo_eh_frame = (void *)eh_frame;
#if DLFO_STRUCT_HAS_EH_DBASE
    find->result->dlfo_eh_dbase = NULL;
#endif
    find->found = 1;
    return 1;
}

int _dl_find_object(void *address, struct dl_find_object *result) {
    struct cglibc_find find = { (uintptr_t)address, result, 0 };
    dl_iterate_phdr(cglibc_find_in, &find);
    return find.found ? 0 : -1;
}
#endif
