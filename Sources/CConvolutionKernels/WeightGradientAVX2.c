// The AVX2+FMA weight-gradient kernel: four output channels × up to two kernel columns, 8
// accumulators in the 16 registers (with four gradient vectors and one input vector); each
// input vector loaded feeds four fused multiply-adds. A row's last vector is read with a mask.
#if defined(__x86_64__)
#include <immintrin.h>
#include "BlockRowKernels.h"

#define TARGET __attribute__((target("avx2,fma")))
enum { lanes = 4, maxTaps = 2 };

static inline __attribute__((always_inline)) TARGET
double sum_lanes(__m256d value) {
    const __m128d pair = _mm_add_pd(_mm256_castpd256_pd128(value), _mm256_extractf128_pd(value, 1));
    return _mm_cvtsd_f64(_mm_add_sd(pair, _mm_unpackhi_pd(pair, pair)));
}

// `taps` is a compile-time constant at every call, so the accumulator array lives in registers.
static inline __attribute__((always_inline)) TARGET
void taps_of_row(const ReceptiveWeightGradient *job, long kernelRow, long firstTap, const int taps) {
    __m256d sums[4][maxTaps];
    for (int out = 0; out < 4; out++)
        for (int tap = 0; tap < taps; tap++) sums[out][tap] = _mm256_setzero_pd();
    // Channels past the block's end read the first channel's gradient and are never stored.
    const double *gradients[4];
    for (int out = 0; out < 4; out++)
        gradients[out] = job->gradient + (out < job->outputChannels ? out : 0) * job->gradientChannelStride;
    const long tail = job->width % lanes;
    const __m256i last = _mm256_set_epi64x(0, tail > 2 ? -1 : 0, tail > 1 ? -1 : 0, -1);
    for (long image = 0; image < job->images; image++)
    for (long row = 0; row < job->rows; row++) {
        const double *source = job->source + image * job->sourceImageStride + row * job->sourceRowStride
            + kernelRow * job->kernelRowStep + firstTap * job->columnStep;
        const long offset = image * job->gradientImageStride + row * job->width;
        long column = 0;
        for (; column + lanes <= job->width; column += lanes) {
            __m256d g[4];
            for (int out = 0; out < 4; out++) g[out] = _mm256_loadu_pd(gradients[out] + offset + column);
            for (int tap = 0; tap < taps; tap++) {
                const __m256d x = _mm256_loadu_pd(source + column + tap * job->columnStep);
                for (int out = 0; out < 4; out++) sums[out][tap] = _mm256_fmadd_pd(g[out], x, sums[out][tap]);
            }
        }
        if (tail) {
            __m256d g[4];
            for (int out = 0; out < 4; out++) g[out] = _mm256_maskload_pd(gradients[out] + offset + column, last);
            for (int tap = 0; tap < taps; tap++) {
                const __m256d x = _mm256_maskload_pd(source + column + tap * job->columnStep, last);
                for (int out = 0; out < 4; out++) sums[out][tap] = _mm256_fmadd_pd(g[out], x, sums[out][tap]);
            }
        }
    }
    for (int out = 0; out < 4; out++) {
        if (out >= job->outputChannels) break;
        double *weights = job->weights + out * job->weightChannelStride + kernelRow * job->kernelColumns + firstTap;
        for (int tap = 0; tap < taps; tap++) weights[tap] += sum_lanes(sums[out][tap]);
    }
}

TARGET void receptive_weight_gradient_avx2(const ReceptiveWeightGradient *job) {
    for (long kernelRow = 0; kernelRow < job->kernelRows; kernelRow++) {
        for (long first = 0; first < job->kernelColumns; first += maxTaps) {
            if (job->kernelColumns - first == 1) taps_of_row(job, kernelRow, first, 1);
            else taps_of_row(job, kernelRow, first, 2);
        }
    }
}
#endif
