// The kernels of Vector.h for the baseline of any CPU (SSE2 on x86-64, NEON on arm64): 2 lanes,
// multiply and add rounded separately; the matrix-product micro-kernel is 4 rows × 4 columns.
#define LANES 2
#define TARGET
#define HAS_FMA 0
#define NAME(f) f##_portable
#define GEMM_MR 4
#define GEMM_NV 2
#include "Vector.h"
