// The AVX-512F block-row kernel: four output channels × up to 48 columns (six 8-lane vectors)
// per tile, 24 accumulators in registers; each input vector loaded feeds four fused
// multiply-adds and each weight six. The row's last vector is read and written with a mask.
#if defined(__x86_64__)
#include <immintrin.h>
#include "BlockRowKernels.h"

#define TARGET __attribute__((target("avx512f")))
enum { lanes = 8, maxVectors = 6 };

// `vectors` and `partial` (whether the last vector is partly past the row's end) are
// compile-time constants at every call, so the loops over `vectors` unroll, the accumulator
// array lives in registers, and only a partial vector pays for a masked load and store.
static inline __attribute__((always_inline)) TARGET
void tile(const ReceptiveBlockRow *row, long column, long count, const int vectors,
          const int partial) {
    __m512d sums[4][maxVectors];
    for (int channel = 0; channel < 4; channel++)
        for (int vector = 0; vector < vectors; vector++) sums[channel][vector] = _mm512_setzero_pd();
    const __mmask8 last = (__mmask8)((1u << (count - lanes * (vectors - 1))) - 1);
    const double *weight = row->weights;
    for (long channel = 0; channel < row->channels; channel++) {
        const double *rowStart = row->source + channel * row->planeSize + column;
        for (long kernelRow = 0; kernelRow < row->kernelRows; kernelRow++) {
            const double *values = rowStart;
            for (long tap = 0; tap < row->kernelColumns; tap++) {
                __m512d inputs[maxVectors];
                for (int vector = 0; vector < vectors; vector++)
                    inputs[vector] = partial && vector == vectors - 1
                        ? _mm512_maskz_loadu_pd(last, values + lanes * vector)
                        : _mm512_loadu_pd(values + lanes * vector);
                for (int out = 0; out < 4; out++) {
                    const __m512d w = _mm512_set1_pd(weight[2 * out]);
                    for (int vector = 0; vector < vectors; vector++)
                        sums[out][vector] = _mm512_fmadd_pd(inputs[vector], w, sums[out][vector]);
                }
                weight += 8;
                values += row->columnStep;
            }
            rowStart += row->rowStep;
        }
    }
    // A constant bound (not `outputChannels`) keeps every index into `sums` constant, which
    // is what lets the compiler keep the array in registers.
    for (int out = 0; out < 4; out++) {
        if (out >= row->outputChannels) break;
        double *target = row->output + out * row->outputChannelStride + column;
        const __m512d bias = _mm512_set1_pd(row->bias[out]);
        for (int vector = 0; vector < vectors; vector++) {
            const __m512d value = _mm512_add_pd(bias, sums[out][vector]);
            if (partial && vector == vectors - 1) _mm512_mask_storeu_pd(target + lanes * vector, last, value);
            else _mm512_storeu_pd(target + lanes * vector, value);
        }
    }
}

// One tile of `vectors` vectors, `count` columns, with `partial` as a constant too.
static inline __attribute__((always_inline)) TARGET
void sized(const ReceptiveBlockRow *row, long column, long count, const int vectors) {
    if (count < vectors * lanes) tile(row, column, count, vectors, 1);
    else tile(row, column, count, vectors, 0);
}

TARGET void receptive_block_row_avx512(const ReceptiveBlockRow *row) {
    const long vectors = (row->width + lanes - 1) / lanes;
    const long tiles = (vectors + maxVectors - 1) / maxVectors;
    long column = 0;
    for (long index = 0; index < tiles; index++) {
        // Tiles as even as possible (56 columns: 4 + 3 vectors, not 6 + 1): a narrow tile is slower per column.
        const long size = vectors * (index + 1) / tiles - vectors * index / tiles;
        const long count = row->width - column < size * lanes ? row->width - column : size * lanes;
        switch (size) {
        case 1: sized(row, column, count, 1); break;
        case 2: sized(row, column, count, 2); break;
        case 3: sized(row, column, count, 3); break;
        case 4: sized(row, column, count, 4); break;
        case 5: sized(row, column, count, 5); break;
        default: sized(row, column, count, 6); break;
        }
        column += count;
    }
}
#endif
