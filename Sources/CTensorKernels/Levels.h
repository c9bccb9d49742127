#ifndef RECEPTIVE_TENSORKERNELS_LEVELS_H
#define RECEPTIVE_TENSORKERNELS_LEVELS_H
#include "include/CTensorKernels.h"

// The kernels of each level (Vector.h compiled by LevelAVX512.c, LevelAVX2.c, LevelPortable.c);
// Level.c dispatches to them. A level's functions may run only where receptive_kernel_level()
// allows it.
#define RECEPTIVE_DECLARE_LEVEL(suffix) \
    void receptive_unary_##suffix(ReceptiveUnary, const double *, double *, long); \
    void receptive_binary_##suffix(ReceptiveBinary, const double *, long, const double *, long, double *, long); \
    void receptive_binary_rows_##suffix(ReceptiveBinary, const double *, long, const double *, long, double *, long, \
                                        long); \
    void receptive_clip_##suffix(const double *, double *, long, double, double); \
    void receptive_fold_rows_##suffix(ReceptiveFold, const double *, long, long, double *, long); \
    double receptive_reduce_##suffix(ReceptiveFold, const double *, long); \
    double receptive_pairwise_sum_##suffix(int, const double *, long); \
    void receptive_fold_arg_##suffix(int, const double *, double, double *, double *, long); \
    void receptive_softmax_rows_##suffix(int, const double *, double *, long, long); \
    void receptive_transpose_##suffix(const double *, long, long, long, double *, long); \
    void receptive_correlate_row_##suffix(const ReceptiveCorrelationRow *); \
    long receptive_gemm_panel_width_##suffix(void); \
    long receptive_gemm_scratch_count_##suffix(void); \
    long receptive_gemm_row_block_##suffix(void); \
    long receptive_gemm_micro_rows_##suffix(void); \
    void receptive_gemm_small_##suffix(const ReceptiveMatrixProduct *, long, long); \
    void receptive_gemm_pack_b_##suffix(const ReceptiveMatrixProduct *, double *, long, long); \
    void receptive_gemm_rows_##suffix(const ReceptiveMatrixProduct *, const double *, double *, long, long); \
    void receptive_gemv_rows_##suffix(const double *, long, long, const double *, double *, long, long, int); \
    void receptive_gevm_##suffix(const double *, const double *, long, long, double *, long, int);

RECEPTIVE_DECLARE_LEVEL(portable)
#if defined(__x86_64__)
RECEPTIVE_DECLARE_LEVEL(avx2)
RECEPTIVE_DECLARE_LEVEL(avx512)
#endif

#endif
