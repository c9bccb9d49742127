#ifndef RECEPTIVE_BLOCKROWKERNELS_H
#define RECEPTIVE_BLOCKROWKERNELS_H
#include "include/CConvolutionKernels.h"

// The per-extension kernels; each may run only where `receptive_conv_level()` allows it.
void receptive_block_row_avx512(const ReceptiveBlockRow *row);
void receptive_block_row_avx2(const ReceptiveBlockRow *row);
void receptive_weight_gradient_avx512(const ReceptiveWeightGradient *job);
void receptive_weight_gradient_avx2(const ReceptiveWeightGradient *job);
void receptive_max_pool_pairs_avx512(const ReceptiveMaxPoolPairs *job);
void receptive_max_pool_pairs_avx2(const ReceptiveMaxPoolPairs *job);

#endif
