// The AVX-512F weight-gradient kernel: four output channels × up to six taps (two kernel rows of
// up to three columns, or one row of up to six), 24 accumulators in registers; each
// output-gradient vector loaded feeds up to six fused multiply-adds and each input vector four.
// A row's last vector is read with a mask. Taking two kernel rows at once (for kernels up to
// three columns wide) shares each gradient load between six taps instead of three: 10 loads per
// 24 multiply-adds instead of 7 per 12.
#if defined(__x86_64__)
#include <immintrin.h>
#include "BlockRowKernels.h"

#define TARGET __attribute__((target("avx512f")))
enum { lanes = 8, maxTaps = 6 };

// `rows` and `taps` are compile-time constants at every call (rows · taps ≤ 6), so the
// accumulator array lives in registers.
static inline __attribute__((always_inline)) TARGET
void block(const ReceptiveWeightGradient *job, long firstRow, long firstTap, const int rows, const int taps) {
    __m512d sums[4][maxTaps];
    for (int out = 0; out < 4; out++)
        for (int tap = 0; tap < rows * taps; tap++) sums[out][tap] = _mm512_setzero_pd();
    // Channels past the block's end read the first channel's gradient and are never stored.
    const double *gradients[4];
    for (int out = 0; out < 4; out++)
        gradients[out] = job->gradient + (out < job->outputChannels ? out : 0) * job->gradientChannelStride;
    const long tail = job->width % lanes;
    const __mmask8 last = (__mmask8)((1u << tail) - 1);
    for (long image = 0; image < job->images; image++)
    for (long row = 0; row < job->rows; row++) {
        const double *sources[2];
        for (int r = 0; r < rows; r++)
            sources[r] = job->source + image * job->sourceImageStride + row * job->sourceRowStride
                + (firstRow + r) * job->kernelRowStep + firstTap * job->columnStep;
        const long offset = image * job->gradientImageStride + row * job->width;
        long column = 0;
        for (; column + lanes <= job->width; column += lanes) {
            __m512d g[4];
            for (int out = 0; out < 4; out++) g[out] = _mm512_loadu_pd(gradients[out] + offset + column);
            for (int r = 0; r < rows; r++)
                for (int tap = 0; tap < taps; tap++) {
                    const __m512d x = _mm512_loadu_pd(sources[r] + column + tap * job->columnStep);
                    for (int out = 0; out < 4; out++)
                        sums[out][r * taps + tap] = _mm512_fmadd_pd(g[out], x, sums[out][r * taps + tap]);
                }
        }
        if (tail) {
            __m512d g[4];
            for (int out = 0; out < 4; out++) g[out] = _mm512_maskz_loadu_pd(last, gradients[out] + offset + column);
            for (int r = 0; r < rows; r++)
                for (int tap = 0; tap < taps; tap++) {
                    const __m512d x = _mm512_maskz_loadu_pd(last, sources[r] + column + tap * job->columnStep);
                    for (int out = 0; out < 4; out++)
                        sums[out][r * taps + tap] = _mm512_fmadd_pd(g[out], x, sums[out][r * taps + tap]);
                }
        }
    }
    for (int out = 0; out < 4; out++) {
        if (out >= job->outputChannels) break;
        double *weights = job->weights + out * job->weightChannelStride + firstRow * job->kernelColumns + firstTap;
        for (int r = 0; r < rows; r++)
            for (int tap = 0; tap < taps; tap++)
                weights[r * job->kernelColumns + tap] += _mm512_reduce_add_pd(sums[out][r * taps + tap]);
    }
}

// One kernel row, `taps` of its columns from `first`.
static inline __attribute__((always_inline)) TARGET
void one_row(const ReceptiveWeightGradient *job, long row, long first, long taps) {
    switch (taps) {
    case 1: block(job, row, first, 1, 1); break;
    case 2: block(job, row, first, 1, 2); break;
    case 3: block(job, row, first, 1, 3); break;
    case 4: block(job, row, first, 1, 4); break;
    case 5: block(job, row, first, 1, 5); break;
    default: block(job, row, first, 1, 6); break;
    }
}

TARGET void receptive_weight_gradient_avx512(const ReceptiveWeightGradient *job) {
    long row = 0;
    if (job->kernelColumns <= 3) {
        for (; row + 2 <= job->kernelRows; row += 2) {
            switch (job->kernelColumns) {
            case 1: block(job, row, 0, 2, 1); break;
            case 2: block(job, row, 0, 2, 2); break;
            default: block(job, row, 0, 2, 3); break;
            }
        }
    }
    for (; row < job->kernelRows; row++)
        for (long first = 0; first < job->kernelColumns; first += maxTaps)
            one_row(job, row, first, job->kernelColumns - first < maxTaps ? job->kernelColumns - first : maxTaps);
}
#endif
