// The AVX-512F weight-gradient kernel: four output channels × up to six kernel columns, 24
// accumulators in registers; each output-gradient vector loaded feeds up to six fused
// multiply-adds and each input vector four. A row's last vector is read with a mask.
#if defined(__x86_64__)
#include <immintrin.h>
#include "BlockRowKernels.h"

#define TARGET __attribute__((target("avx512f")))
enum { lanes = 8, maxTaps = 6 };

// `taps` is a compile-time constant at every call, so the accumulator array lives in registers.
static inline __attribute__((always_inline)) TARGET
void taps_of_row(const ReceptiveWeightGradient *job, long kernelRow, long firstTap, const int taps) {
    __m512d sums[4][maxTaps];
    for (int out = 0; out < 4; out++)
        for (int tap = 0; tap < taps; tap++) sums[out][tap] = _mm512_setzero_pd();
    // Channels past the block's end read the first channel's gradient and are never stored.
    const double *gradients[4];
    for (int out = 0; out < 4; out++)
        gradients[out] = job->gradient + (out < job->outputChannels ? out : 0) * job->gradientChannelStride;
    const long tail = job->width % lanes;
    const __mmask8 last = (__mmask8)((1u << tail) - 1);
    for (long row = 0; row < job->rows; row++) {
        const double *source = job->source + row * job->sourceRowStride + kernelRow * job->kernelRowStep
            + firstTap * job->columnStep;
        const long offset = row * job->width;
        long column = 0;
        for (; column + lanes <= job->width; column += lanes) {
            __m512d g[4];
            for (int out = 0; out < 4; out++) g[out] = _mm512_loadu_pd(gradients[out] + offset + column);
            for (int tap = 0; tap < taps; tap++) {
                const __m512d x = _mm512_loadu_pd(source + column + tap * job->columnStep);
                for (int out = 0; out < 4; out++) sums[out][tap] = _mm512_fmadd_pd(g[out], x, sums[out][tap]);
            }
        }
        if (tail) {
            __m512d g[4];
            for (int out = 0; out < 4; out++) g[out] = _mm512_maskz_loadu_pd(last, gradients[out] + offset + column);
            for (int tap = 0; tap < taps; tap++) {
                const __m512d x = _mm512_maskz_loadu_pd(last, source + column + tap * job->columnStep);
                for (int out = 0; out < 4; out++) sums[out][tap] = _mm512_fmadd_pd(g[out], x, sums[out][tap]);
            }
        }
    }
    for (int out = 0; out < 4; out++) {
        if (out >= job->outputChannels) break;
        double *weights = job->weights + out * job->weightChannelStride + kernelRow * job->kernelColumns + firstTap;
        for (int tap = 0; tap < taps; tap++) weights[tap] += _mm512_reduce_add_pd(sums[out][tap]);
    }
}

TARGET void receptive_weight_gradient_avx512(const ReceptiveWeightGradient *job) {
    for (long kernelRow = 0; kernelRow < job->kernelRows; kernelRow++) {
        for (long first = 0; first < job->kernelColumns; first += maxTaps) {
            const long taps = job->kernelColumns - first < maxTaps ? job->kernelColumns - first : maxTaps;
            switch (taps) {
            case 1: taps_of_row(job, kernelRow, first, 1); break;
            case 2: taps_of_row(job, kernelRow, first, 2); break;
            case 3: taps_of_row(job, kernelRow, first, 3); break;
            case 4: taps_of_row(job, kernelRow, first, 4); break;
            case 5: taps_of_row(job, kernelRow, first, 5); break;
            default: taps_of_row(job, kernelRow, first, 6); break;
            }
        }
    }
}
#endif
