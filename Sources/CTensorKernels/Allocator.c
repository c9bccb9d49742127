// The allocation policy of AllocatorPolicy.swift (glibc's mallopt is not visible from Swift).
#include "include/CTensorKernels.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc, which the test below needs
#if defined(__GLIBC__)
#include <malloc.h>
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
