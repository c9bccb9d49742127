// Run-time choice of the block-row kernel. `__builtin_cpu_supports` also checks that the OS
// saves the wider registers (XGETBV), so a kernel is never chosen where it would fault.
#include "BlockRowKernels.h"

ReceptiveConvLevel receptive_conv_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return ReceptiveConvLevelAVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return ReceptiveConvLevelAVX2FMA;
#endif
    return ReceptiveConvLevelPortable;
}

void receptive_conv_block_row(ReceptiveConvLevel level, const ReceptiveBlockRow *row) {
#if defined(__x86_64__)
    switch (level) {
    case ReceptiveConvLevelAVX512: receptive_block_row_avx512(row); break;
    case ReceptiveConvLevelAVX2FMA: receptive_block_row_avx2(row); break;
    case ReceptiveConvLevelPortable: break;
    }
#else
    (void)level;
    (void)row;
#endif
}

void receptive_conv_weight_gradient(ReceptiveConvLevel level, const ReceptiveWeightGradient *job) {
#if defined(__x86_64__)
    switch (level) {
    case ReceptiveConvLevelAVX512: receptive_weight_gradient_avx512(job); break;
    case ReceptiveConvLevelAVX2FMA: receptive_weight_gradient_avx2(job); break;
    case ReceptiveConvLevelPortable: break;
    }
#else
    (void)level;
    (void)job;
#endif
}

void receptive_conv_max_pool_pairs(ReceptiveConvLevel level, const ReceptiveMaxPoolPairs *job) {
#if defined(__x86_64__)
    switch (level) {
    case ReceptiveConvLevelAVX512: receptive_max_pool_pairs_avx512(job); break;
    case ReceptiveConvLevelAVX2FMA: receptive_max_pool_pairs_avx2(job); break;
    case ReceptiveConvLevelPortable: break;
    }
#else
    (void)level;
    (void)job;
#endif
}
