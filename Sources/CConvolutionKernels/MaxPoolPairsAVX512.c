// The AVX-512F kernel of 2-wide, stride-2 max pooling windows: eight outputs at a time, each
// window row loaded as two vectors of eight (masked at the row's end) and split into its even
// (first tap) and odd (second tap) elements, compared in mask registers.
#if defined(__x86_64__)
#include <immintrin.h>
#include "BlockRowKernels.h"

#define TARGET __attribute__((target("avx512f")))

// torch's `val > max || isnan(val)`, in every lane: the lanes that take `value` record `offset`.
static inline __attribute__((always_inline)) TARGET
void consider(__m512d value, long offset, __m512d *best, __m512i *taken) {
    const __mmask8 takes = _mm512_cmp_pd_mask(value, *best, _CMP_GT_OQ) | _mm512_cmp_pd_mask(value, value, _CMP_UNORD_Q);
    *best = _mm512_mask_mov_pd(*best, takes, value);
    *taken = _mm512_mask_mov_epi64(*taken, takes, _mm512_set1_epi64(offset));
}

TARGET void receptive_max_pool_pairs_avx512(const ReceptiveMaxPoolPairs *job) {
    const __m512i evens = _mm512_set_epi64(14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i odds = _mm512_set_epi64(15, 13, 11, 9, 7, 5, 3, 1);
    for (long first = 0; first < job->count; first += 8) {
        const long outputs = job->count - first < 8 ? job->count - first : 8;
        const __mmask8 stored = (__mmask8)((1u << outputs) - 1);
        // 2·outputs elements a row: the first eight in `low`, the rest in `high`.
        const __mmask8 lowLanes = outputs >= 4 ? 0xFF : (__mmask8)((1u << (2 * outputs)) - 1);
        const __mmask8 highLanes = outputs > 4 ? (__mmask8)((1u << (2 * outputs - 8)) - 1) : 0;
        __m512d best = _mm512_set1_pd(-__builtin_inf());
        __m512i taken = _mm512_setzero_si512();
        const double *row = job->source + 2 * first;
        for (long windowRow = 0; windowRow < job->windowRows; windowRow++) {
            const __m512d low = _mm512_maskz_loadu_pd(lowLanes, row);
            const __m512d high = _mm512_maskz_loadu_pd(highLanes, row + 8);
            const long offset = windowRow * job->rowStep;
            consider(_mm512_permutex2var_pd(low, evens, high), offset, &best, &taken);
            consider(_mm512_permutex2var_pd(low, odds, high), offset + 1, &best, &taken);
            row += job->rowStep;
        }
        _mm512_mask_storeu_pd(job->values + first, stored, best);
        _mm512_mask_storeu_epi64(job->offsets + first, stored, taken);
    }
}
#endif
