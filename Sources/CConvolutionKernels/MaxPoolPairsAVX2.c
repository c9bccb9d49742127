// The AVX2 kernel of 2-wide, stride-2 max pooling windows: four outputs at a time, each window
// row loaded as two vectors of four (masked at the row's end) and split into its even (first
// tap) and odd (second tap) elements.
#if defined(__x86_64__)
#include <immintrin.h>
#include "BlockRowKernels.h"

#define TARGET __attribute__((target("avx2")))

// torch's `val > max || isnan(val)`, in every lane: the lanes that take `value` record `offset`.
static inline __attribute__((always_inline)) TARGET
void consider(__m256d value, long offset, __m256d *best, __m256d *taken) {
    const __m256d takes = _mm256_or_pd(_mm256_cmp_pd(value, *best, _CMP_GT_OQ), _mm256_cmp_pd(value, value, _CMP_UNORD_Q));
    *best = _mm256_blendv_pd(*best, value, takes);
    *taken = _mm256_blendv_pd(*taken, _mm256_castsi256_pd(_mm256_set1_epi64x(offset)), takes);
}

// The first `count` (0–4) 64-bit lanes set, as AVX2's masked loads and stores take them.
static inline __attribute__((always_inline)) TARGET
__m256i lanes(long count) {
    return _mm256_cmpgt_epi64(_mm256_set1_epi64x(count), _mm256_set_epi64x(3, 2, 1, 0));
}

TARGET void receptive_max_pool_pairs_avx2(const ReceptiveMaxPoolPairs *job) {
    for (long first = 0; first < job->count; first += 4) {
        const long outputs = job->count - first < 4 ? job->count - first : 4;
        const __m256i stored = lanes(outputs);
        // 2·outputs elements a row: the first four in `low`, the rest in `high`.
        const __m256i lowLanes = lanes(2 * outputs), highLanes = lanes(2 * outputs - 4);
        __m256d best = _mm256_set1_pd(-__builtin_inf());
        __m256d taken = _mm256_setzero_pd();
        const double *row = job->source + 2 * first;
        for (long windowRow = 0; windowRow < job->windowRows; windowRow++) {
            const __m256d low = _mm256_maskload_pd(row, lowLanes);
            const __m256d high = _mm256_maskload_pd(row + 4, highLanes);
            const long offset = windowRow * job->rowStep;
            // [x0 x4 x2 x6] and [x1 x5 x3 x7], put in order: the even and the odd elements.
            const __m256d even = _mm256_permute4x64_pd(_mm256_unpacklo_pd(low, high), _MM_SHUFFLE(3, 1, 2, 0));
            const __m256d odd = _mm256_permute4x64_pd(_mm256_unpackhi_pd(low, high), _MM_SHUFFLE(3, 1, 2, 0));
            consider(even, offset, &best, &taken);
            consider(odd, offset + 1, &best, &taken);
            row += job->rowStep;
        }
        _mm256_maskstore_pd(job->values + first, stored, best);
        _mm256_maskstore_epi64((long long *)(job->offsets + first), stored, _mm256_castpd_si256(taken));
    }
}
#endif
