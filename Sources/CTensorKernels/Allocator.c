// The allocation policy of AllocatorPolicy.swift (glibc's mallopt is not visible from Swift,
// nor madvise's flags): every call of mallopt and madvise in the project is in this file.
#include "include/CTensorKernels.h"
#include <stdint.h>
#include <stdlib.h>  // defines __GLIBC__ on glibc, which the test below needs
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

int receptive_keep_large_buffers_in_heap(long retainedBytes) {
#if defined(__GLIBC__)
    // One arena: the main one, which the two settings after it govern (see AllocatorPolicy).
    return mallopt(M_ARENA_MAX, 1) && mallopt(M_MMAP_MAX, 0) && mallopt(M_TRIM_THRESHOLD, (int)retainedBytes);
#else
    (void)retainedBytes;
    return 0;
#endif
}

long receptive_advise_huge_pages(void *start, long byteCount, long hugePageSize) {
    // Only whole huge pages inside the buffer: the partial ones at its ends belong to the heap
    // around it (malloc's chunk headers, other allocations), which must keep its own advice.
    uintptr_t mask = (uintptr_t)hugePageSize - 1;
    uintptr_t first = ((uintptr_t)start + mask) & ~mask;
    uintptr_t end = ((uintptr_t)start + (uintptr_t)byteCount) & ~mask;
    if (byteCount <= 0 || end <= first) return 0;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    // The range is page-aligned and inside memory this process owns, so madvise fails only
    // where transparent huge pages are not built in or are off (EINVAL), the call or the
    // collapse does not exist (ENOSYS; EINVAL before Linux 6.1), or no free 2 MiB page could be
    // had (EAGAIN, ENOMEM): the buffer then stays on 4 KiB pages, correct and as fast as
    // before, so the results are ignored.
    // MADV_HUGEPAGE: pages faulted in later come as 2 MiB pages (fresh heap memory).
    (void)madvise((void *)first, (size_t)(end - first), MADV_HUGEPAGE);
    // MADV_COLLAPSE (25, absent from older headers): heap memory reused from a freed buffer is
    // already faulted in as 4 KiB pages, which the advice alone leaves as they are; collapsing
    // copies them onto huge pages once, after which the heap keeps them for every later buffer
    // there (on pages already huge the call only checks them).
    (void)madvise((void *)first, (size_t)(end - first), 25);
    return (long)(end - first);
#else
    return 0;
#endif
}
