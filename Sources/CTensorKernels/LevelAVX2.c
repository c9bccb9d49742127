// The kernels of Vector.h for AVX2 with FMA: 4 lanes, 16 registers; the matrix-product
// micro-kernel is 6 rows × 8 columns (12 accumulators, as BLIS's Haswell kernel).
#if defined(__x86_64__)
#define LANES 4
#define TARGET __attribute__((target("avx2,fma")))
#define HAS_FMA 1
#define NAME(f) f##_avx2
#define GEMM_MR 6
#define GEMM_NV 2
#include "Vector.h"
#endif
