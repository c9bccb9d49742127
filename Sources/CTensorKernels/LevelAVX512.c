// The kernels of Vector.h for AVX-512 F and DQ: 8 lanes, 32 registers; the matrix-product
// micro-kernel is 8 rows × 24 columns (24 accumulators, 3 loads of B and 8 broadcasts of A per
// step of k: 112 GFLOP/s on one core of this project's machine).
#if defined(__x86_64__)
#define LANES 8
#define TARGET __attribute__((target("avx512f,avx512dq")))
#define HAS_FMA 1
#define NAME(f) f##_avx512
#define GEMM_MR 8
#define GEMM_NV 3
#include "Vector.h"
#endif
