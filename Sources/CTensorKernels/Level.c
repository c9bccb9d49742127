// Run-time choice of level, and the public functions, each passing its call to the level's kernel.
#include "Levels.h"

ReceptiveKernelLevel receptive_kernel_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return ReceptiveKernelAVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return ReceptiveKernelAVX2FMA;
#endif
    return ReceptiveKernelPortable;
}

#if defined(__x86_64__)
#define DISPATCH(level, function, ...) \
    switch (level) { \
    case ReceptiveKernelAVX512: return function##_avx512(__VA_ARGS__); \
    case ReceptiveKernelAVX2FMA: return function##_avx2(__VA_ARGS__); \
    case ReceptiveKernelPortable: break; \
    } \
    return function##_portable(__VA_ARGS__)
#else
#define DISPATCH(level, function, ...) \
    (void)(level); \
    return function##_portable(__VA_ARGS__)
#endif

void receptive_unary(ReceptiveKernelLevel level, ReceptiveUnary function, const double *x, double *y, long count) {
    DISPATCH(level, receptive_unary, function, x, y, count);
}

void receptive_binary(ReceptiveKernelLevel level, ReceptiveBinary op, const double *a, long aStep, const double *b,
                      long bStep, double *out, long count) {
    DISPATCH(level, receptive_binary, op, a, aStep, b, bStep, out, count);
}

void receptive_binary_rows(ReceptiveKernelLevel level, ReceptiveBinary op, const double *a, long aRowStep,
                           const double *b, long bRowStep, double *out, long rows, long length) {
    DISPATCH(level, receptive_binary_rows, op, a, aRowStep, b, bRowStep, out, rows, length);
}

void receptive_clip(ReceptiveKernelLevel level, const double *x, double *y, long count, double low, double high) {
    DISPATCH(level, receptive_clip, x, y, count, low, high);
}

void receptive_fold_rows(ReceptiveKernelLevel level, ReceptiveFold fold, const double *rows, long rowStride,
                         long rowCount, double *accumulator, long count) {
    DISPATCH(level, receptive_fold_rows, fold, rows, rowStride, rowCount, accumulator, count);
}

double receptive_reduce(ReceptiveKernelLevel level, ReceptiveFold fold, const double *x, long count) {
    DISPATCH(level, receptive_reduce, fold, x, count);
}

double receptive_pairwise_sum(ReceptiveKernelLevel level, int square, const double *x, long count) {
    DISPATCH(level, receptive_pairwise_sum, square, x, count);
}

void receptive_fold_arg(ReceptiveKernelLevel level, int largest, const double *row, double rowIndex, double *best,
                        double *index, long count) {
    DISPATCH(level, receptive_fold_arg, largest, row, rowIndex, best, index, count);
}

void receptive_softmax_rows(ReceptiveKernelLevel level, int logarithm, const double *x, double *y, long rows,
                            long length) {
    DISPATCH(level, receptive_softmax_rows, logarithm, x, y, rows, length);
}

void receptive_transpose(ReceptiveKernelLevel level, const double *source, long sourceStride, long rows,
                         long columns, double *destination, long destinationStride) {
    DISPATCH(level, receptive_transpose, source, sourceStride, rows, columns, destination, destinationStride);
}

void receptive_correlate_row(ReceptiveKernelLevel level, const ReceptiveCorrelationRow *row) {
    DISPATCH(level, receptive_correlate_row, row);
}

long receptive_gemm_panel_width(ReceptiveKernelLevel level) { DISPATCH(level, receptive_gemm_panel_width); }

void receptive_gemm_pack_b(ReceptiveKernelLevel level, const ReceptiveMatrixProduct *product, double *packed,
                           long firstPanel, long endPanel) {
    DISPATCH(level, receptive_gemm_pack_b, product, packed, firstPanel, endPanel);
}

long receptive_gemm_scratch_count(ReceptiveKernelLevel level) { DISPATCH(level, receptive_gemm_scratch_count); }

long receptive_gemm_row_block(ReceptiveKernelLevel level) { DISPATCH(level, receptive_gemm_row_block); }

void receptive_gemm_rows(ReceptiveKernelLevel level, const ReceptiveMatrixProduct *product, const double *packed,
                         double *scratch, long firstRow, long endRow) {
    DISPATCH(level, receptive_gemm_rows, product, packed, scratch, firstRow, endRow);
}

long receptive_gemm_micro_rows(ReceptiveKernelLevel level) { DISPATCH(level, receptive_gemm_micro_rows); }

void receptive_gemm_small(ReceptiveKernelLevel level, const ReceptiveMatrixProduct *product, long firstRow,
                          long endRow) {
    DISPATCH(level, receptive_gemm_small, product, firstRow, endRow);
}

void receptive_gemv_rows(ReceptiveKernelLevel level, const double *a, long aRowStride, long inner, const double *x,
                         double *y, long firstRow, long endRow, int accumulate) {
    DISPATCH(level, receptive_gemv_rows, a, aRowStride, inner, x, y, firstRow, endRow, accumulate);
}

void receptive_gevm(ReceptiveKernelLevel level, const double *x, const double *b, long bRowStride, long inner,
                    double *y, long columns, int accumulate) {
    DISPATCH(level, receptive_gevm, x, b, bRowStride, inner, y, columns, accumulate);
}
