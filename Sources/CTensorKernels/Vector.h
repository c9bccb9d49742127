// The tensor kernels, written once over a vector of LANES doubles and compiled once per level:
// LevelAVX512.c, LevelAVX2.c and LevelPortable.c each define
//   LANES     lanes per vector (8, 4, 2)
//   TARGET    the target attribute of every function here (empty for the portable level)
//   HAS_FMA   1 where a fused multiply-add is one instruction (0: a multiply and an add)
//   NAME(f)   f with the level's suffix (receptive_unary_avx512 …)
//   GEMM_MR, GEMM_NV   the matrix-product micro-kernel's rows, and vectors per row
// and then include this file. clang's vector extensions turn `VD` arithmetic into the level's
// instructions; helpers must carry TARGET too (a 512-bit argument changes the ABI otherwise).
//
// The transcendental functions run a vector algorithm over the range where it is accurate and
// hand the rare other lanes (NaN, infinities, overflow, subnormal results, huge arguments of
// sin and cos) to C's libm, so specials come out exactly as libm and numpy give them.
// Error bounds below are in ulp of the correctly rounded result; Tests/TensorsTests/
// TranscendentalAccuracyTests measures them on ≥ 10^7 points per function and level.
#include <math.h>
#include <string.h>
#include "Levels.h"
#if LANES == 8
#include <immintrin.h>
#endif

// Every rounding below is deliberate: no contraction of a·b + c into one fused operation
// unless FMA() says so, or the error-free transformations would stop being error-free.
#pragma STDC FP_CONTRACT OFF

typedef double VD __attribute__((ext_vector_type(LANES)));
typedef long VL __attribute__((ext_vector_type(LANES)));

#define INLINE static inline __attribute__((always_inline)) TARGET

INLINE VD load(const double *p) { VD v; memcpy(&v, p, sizeof v); return v; }
INLINE void store(double *p, VD v) { memcpy(p, &v, sizeof v); }
INLINE VD splat(double x) { return (VD)x; }
INLINE VL no_lanes(void) { return (VL)0L; }
INLINE VD as_double(VL bits) { return (VD)bits; }
INLINE VL as_bits(VD x) { return (VL)x; }
INLINE VD vabs(VD x) { return as_double(as_bits(x) & 0x7fffffffffffffffL); }
INLINE VD blend(VL mask, VD a, VD b) { return mask ? a : b; }
INLINE int any(VL mask) { return __builtin_reduce_or(mask) != 0; }
INLINE VD copysign_v(VD magnitude, VD sign) {
    return as_double((as_bits(magnitude) & 0x7fffffffffffffffL) | (as_bits(sign) & (long)0x8000000000000000UL));
}

#if HAS_FMA
INLINE VD FMA(VD a, VD b, VD c) { return __builtin_elementwise_fma(a, b, c); }
/// a·b = hi + lo exactly.
INLINE VD two_product(VD a, VD b, VD *lo) { VD hi = a * b; *lo = FMA(a, b, -hi); return hi; }
#else
INLINE VD FMA(VD a, VD b, VD c) { return a * b + c; }
// Dekker's product: each factor split into 26-bit halves whose products are exact.
INLINE VD split_high(VD a) { VD t = a * 134217729.0; return t - (t - a); }
INLINE VD two_product(VD a, VD b, VD *lo) {
    VD hi = a * b;
    VD ah = split_high(a), al = a - ah, bh = split_high(b), bl = b - bh;
    *lo = ((ah * bh - hi) + ah * bl + al * bh) + al * bl;
    return hi;
}
#endif

/// a + b = hi + lo exactly, whatever the magnitudes (Knuth's TwoSum).
INLINE VD two_sum(VD a, VD b, VD *lo) {
    VD s = a + b, bb = s - a;
    *lo = (a - (s - bb)) + (b - bb);
    return s;
}

/// Round to the nearest integer (ties to even) for |x| < 2^51, by the shift 1.5·2^52: the sum's
/// low mantissa bits then hold the integer in two's complement, returned in `*bits`.
static const double shifter = 0x1.8p52;
INLINE VD round_shift(VD x, VL *bits) {
    VD t = x + shifter;
    *bits = as_bits(t);
    return t - shifter;
}

/// An integer-valued VL (|k| < 2^51) as doubles, without a conversion instruction (AVX2 has none).
INLINE VD to_double(VL k) { return as_double(k + as_bits(splat(shifter))) - shifter; }

// MARK: exp

static const double invLn2 = 0x1.71547652b82fep0;
// ln 2 split so that k·ln2Hi is exact for |k| < 2^21 (ln2Hi has 32 significant bits).
static const double ln2Hi = 0x1.62e42feep-1, ln2Lo = 0x1.a39ef35793c76p-33;
/// exp is computed by the vector path for |x| ≤ this, where 2^k stays normal and finite.
static const double expLimit = 708.0;

/// P(r) = Σ_{n=2}^{13} r^(n−2)/n!, so that e^r = 1 + r + r²P(r) within 2^-57 on |r| ≤ ln2/2.
/// Estrin's scheme (pairs, then powers r², r⁴, r⁸): a dependency chain of 5 operations instead
/// of Horner's 11, which measured 1.7× faster on AVX-512 (the loop was latency-bound).
INLINE VD exp_tail_polynomial(VD r) {
    VD r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    VD p01 = FMA(r, splat(1.0 / 6.0), splat(0.5));
    VD p23 = FMA(r, splat(1.0 / 120.0), splat(1.0 / 24.0));
    VD p45 = FMA(r, splat(1.0 / 5040.0), splat(1.0 / 720.0));
    VD p67 = FMA(r, splat(1.0 / 362880.0), splat(1.0 / 40320.0));
    VD p89 = FMA(r, splat(1.0 / 39916800.0), splat(1.0 / 3628800.0));
    VD pab = FMA(r, splat(1.0 / 6227020800.0), splat(1.0 / 479001600.0));
    VD p03 = FMA(r2, p23, p01);
    VD p47 = FMA(r2, p67, p45);
    VD p8b = FMA(r2, pab, p89);
    return FMA(r8, p8b, FMA(r4, p47, p03));
}

/// e^(x + xl) for |x| ≤ 708 and |xl| ≤ 2^-40·|x|: x = k·ln 2 + r, |r| ≤ ln2/2, and
/// e^r = 1 + r + r²·P(r) with P the Taylor polynomial to r^13/13! (the remainder, r^14/14! <
/// 2^-57, is below the final rounding). r's rounding error is carried in dr and added back, so
/// the only large error is the last rounding of 1 + T: < 0.52 ulp before scaling, which is
/// exact (the result is normal). pow's e^(y·ln x) needs the tail xl; exp, sigmoid and softmax
/// take the cheaper `exp_table`.
INLINE VD exp_dd(VD x, VD xl) {
    VL kBits;
    VD k = round_shift(x * invLn2, &kBits);
    VD rHi = x - k * ln2Hi;            // exact: k·ln2Hi is exact and close to x (Sterbenz)
    VD t = k * ln2Lo;                  // error ≤ 2^-53·|t| < 2^-73
    VD dr;
    VD r = two_sum(rHi, -t, &dr);
    dr = dr + xl;
    VD p = exp_tail_polynomial(r);
    // e^(r + dr) − 1 = r + q + dr·e^r with q = r²P(r); dr reaches 2^-44 when pow passes the tail
    // of y·ln x, so its factor e^r = 1 + r + q is needed whole (1 + r alone is 6% short).
    VD q = (r * r) * p;
    VD T = r + FMA(dr, 1.0 + (r + q), q);
    VD e = 1.0 + T;
    return as_double(as_bits(e) + (kBits << 52));
}

/// table[index & 15] in each lane: one two-register permute on AVX-512 (the table is four
/// cache lines, so no gather), a load per lane elsewhere.
INLINE VD lookup16(const double table[16], VL index) {
#if LANES == 8
    return (VD)_mm512_permutex2var_pd((__m512d)load(table), (__m512i)index, (__m512d)load(table + 8));
#else
    VD v;
    for (int lane = 0; lane < LANES; lane++) v[lane] = table[index[lane] & 15];
    return v;
#endif
}

// 2^(j/16) = s_j·(1 + t_j) for j < 16: s_j is 2^(j/16) rounded, stored minus j·2^48 in its bits
// (so that adding (16k + j)·2^48 gives s_j·2^k), t_j the relative rest. Computed with mpmath at
// 200 bits: s = float(2^(j/16)), t = float((2^(j/16) − s)/s), bits(s) − (j << 48).
static const double expScale[16] = {
    0x1.0000000000000p+0, 0x1.fb5586cf9890fp-1, 0x1.f72b83c7d517bp-1, 0x1.f387a6e756238p-1,
    0x1.f06fe0a31b715p-1, 0x1.edea64c123422p-1, 0x1.ebfdad5362a27p-1, 0x1.eab07dd485429p-1,
    0x1.ea09e667f3bcdp-1, 0x1.ea11473eb0187p-1, 0x1.eace5422aa0dbp-1, 0x1.ec49182a3f090p-1,
    0x1.ee89f995ad3adp-1, 0x1.f199bdd85529cp-1, 0x1.f5818dcfba487p-1, 0x1.fa4afa2a490dap-1};
static const double expTail[16] = {
    0x0.0p+0, 0x1.79aa65d837b6dp-54, -0x1.01b15eaa59348p-55, 0x1.68efde3a8a894p-54,
    0x1.34d754db0abb6p-55, 0x1.59f48a72a4c6dp-55, 0x1.690cebb7aafb0p-56, 0x1.063e1e21c5409p-54,
    -0x1.3b3efbf5e2228p-54, -0x1.b32dcb94da51dp-56, 0x1.db72fc1f0eab4p-55, 0x1.1affc2b91ce27p-56,
    0x1.c1a7792cb3387p-55, 0x1.36eae30af0cb3p-56, 0x1.4a385a63d07a7p-56, -0x1.ff7128fd391f0p-55};
static const double invLn2Sixteenths = 0x1.71547652b82fep+4;  // 16 / ln 2
// ln 2 / 16 split as ln2Hi and ln2Lo are: n·hi is exact for |n| < 2^21.
static const double ln2HiSixteenth = 0x1.62e42feep-5, ln2LoSixteenth = 0x1.a39ef35793c76p-37;

/// Tang's table reduction, shared by `exp_table` and `expm1_table`: x = (16k + j)·ln2/16 + r
/// with |r| ≤ ln2/32 (r's rounding error in *dr; n·ln2HiSixteenth and x minus it are exact),
/// 2^k·s_j in *scale, and the result t_j + r²P(r), P the Taylor polynomial of (e^r − 1 − r)/r²
/// through its r^6/8! term (the remainder, r^9/9! < 2^-60·r, is below the final rounding):
/// e^x = scale·(1 + r + result), the terms after 1 to be added smallest first.
///
/// Without `withError` (exp's case), dr is 0 and r is x − n·ln2/16 in one fused rounding. The
/// products and sums that an FMA fuses here (n = x·16/ln2 + the shifter; x − n·ln2HiSixteenth,
/// exact either way; rHi − n·ln2LoSixteenth, one rounding instead of two) are 3 of exp's ~28
/// vector operations, and its loop is bound by their count (the AVX-512 loop keeps every
/// constant in a register): 4,096 exp on one AVX-512 core 1.57 → 1.35 µs (C harness over the
/// kernels). Without FMA (the portable level) `FMA` is the product and the sum, as before.
INLINE VD exp_table_reduce(VD x, VD *r, VD *dr, VD *scale, int withError) {
    VD shifted = FMA(x, splat(invLn2Sixteenths), splat(shifter));
    VL nBits = as_bits(shifted);
    VD n = shifted - shifter;
    VD rHi = FMA(n, splat(-ln2HiSixteenth), x);   // exact: n·ln2HiSixteenth is, and close to x
    if (withError) {
        *r = two_sum(rHi, -(n * ln2LoSixteenth), dr);
    } else {
        *r = FMA(n, splat(-ln2LoSixteenth), rHi);
        *dr = splat(0.0);
    }
    VD tail = lookup16(expTail, nBits);
    *scale = as_double(as_bits(lookup16(expScale, nBits)) + (nBits << 48));
    VD r2 = *r * *r, r4 = r2 * r2;
    VD p = FMA(*r, splat(1.0 / 6.0), splat(0.5));
    VD q = FMA(*r, splat(1.0 / 120.0), splat(1.0 / 24.0));
    VD u = FMA(r2, splat(1.0 / 40320.0), FMA(*r, splat(1.0 / 5040.0), splat(1.0 / 720.0)));
    p = FMA(r4, u, FMA(r2, q, p));
    return FMA(r2, p, tail);
}

/// e^x for |x| ≤ 708, by Tang's table method (glibc's exp, with 16 entries instead of 128 so
/// that AVX-512 looks them up by a permute): e^x = 2^k·s_j·(1 + t_j)·e^r (`exp_table_reduce`),
/// returned as scale + scale·T, T = r + (t_j + r²P), in one fused rounding: error < 0.52 ulp
/// (0.5 for that rounding, ~0.02 from T's own roundings, which weigh |T| ≤ 0.023 of the
/// result; r's rounding error dr, below 2^-53·|r|, weighs as little and is dropped). Half the
/// operations of `exp_dd`'s degree-13 polynomial, which remains for pow's extra-precise
/// argument: 0.66 → 0.41 ns per element on one AVX-512 core (C harness over the kernels).
INLINE VD exp_table(VD x) {
    VD r, dr, scale;
    VD rest = exp_table_reduce(x, &r, &dr, &scale, 0);
    return FMA(scale, r + rest, scale);
}

// MARK: log

// fdlibm's e_log.c polynomial: log(1+f) = f − f²/2 + s·(f²/2 + R(s²)), s = f/(2+f), |R error| < 2^-58.45.
static const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01,
                    Lg3 = 2.857142874366239149e-01, Lg4 = 2.222219843214978396e-01,
                    Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01,
                    Lg7 = 1.479819860511658591e-01;

/// Splits a positive normal x into 2^k·z with √2/2 ≤ z < √2 (musl's log.c reduction).
INLINE VD log_reduce(VD x, VD *z) {
    VL ix = as_bits(x);
    VL tmp = ix - 0x3fe6a09e667f3bcdL;
    VL k = tmp >> 52;
    *z = as_double(ix - (tmp & (0xfffL << 52)));
    return to_double(k);
}

/// ln x for positive normal finite x: fdlibm's algorithm, error < 1 ulp.
INLINE VD log_core(VD x) {
    VD z;
    VD k = log_reduce(x, &z);
    VD f = z - 1.0;
    VD hfsq = 0.5 * f * f;
    VD s = f / (2.0 + f);
    VD s2 = s * s, w = s2 * s2;
    VD t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    VD t2 = s2 * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    VD R = t2 + t1;
    return s * (hfsq + R) + k * ln2Lo - hfsq + f + k * ln2Hi;
}

// ln 2 as a double-double, for the extra-precise logarithm of pow.
static const double ln2DDHi = 0x1.62e42fefa39efp-1, ln2DDLo = 0x1.abc9e3b39803fp-56;

/// ln x = hi + lo with relative error ≲ 2^-66 for positive normal finite x, for pow (whose
/// result's relative error is |y·ln x| ≤ 708 times this, so it must be far below 2^-53/708).
/// ln z = 2·atanh(s) = 2s + (2/3)s³ + (2/5)s⁵ + s⁷·Q(s²), s = f/(2+f), |s| ≤ 0.1716: the first
/// three terms in double-double, Q (Taylor, 2/(2n+1), to s^25: the rest is < 2^-56 of Q) in
/// double, as s⁷Q weighs ≤ 2^-18 of the result. (With (2/5)s⁵ in double too, its few roundings
/// weighed 2^-12.5 and pow reached 1.03 ulp on large |y·ln x|.)
INLINE VD log_dd(VD x, VD *lo) {
    VD z;
    VD k = log_reduce(x, &z);
    VD f = z - 1.0;                           // exact
    VD d = 2.0 + f;
    VD dl = f - (d - 2.0);                    // exact: 2 + f = d + dl
    VD s = f / d;
    VD pl;
    VD ph = two_product(s, d, &pl);           // s·d exactly
    VD sl = (((f - ph) - pl) - s * dl) / d;   // f − s·(d + dl), over d: s + sl = f/(2+f)
    VD e2;
    VD s2 = two_product(s, s, &e2);
    VD e3;
    VD s3 = two_product(s2, s, &e3);
    VD s3l = e3 + e2 * s + 3.0 * s2 * sl;     // s³ = s3 + s3l
    VD e5;
    VD s5 = two_product(s3, s2, &e5);
    VD s5l = e5 + s3l * s2 + s3 * e2;         // s⁵ = s5 + s5l
    VD w = s2;
    VD q = splat(2.0 / 25.0);
    q = FMA(q, w, splat(2.0 / 23.0));
    q = FMA(q, w, splat(2.0 / 21.0));
    q = FMA(q, w, splat(2.0 / 19.0));
    q = FMA(q, w, splat(2.0 / 17.0));
    q = FMA(q, w, splat(2.0 / 15.0));
    q = FMA(q, w, splat(2.0 / 13.0));
    q = FMA(q, w, splat(2.0 / 11.0));
    q = FMA(q, w, splat(2.0 / 9.0));
    q = FMA(q, w, splat(2.0 / 7.0));
    VD tail = s5 * s2 * q;
    // (2/3)·s³ and (2/5)·s⁵, each constant as a double-double c + cl.
    const double c3 = 0x1.5555555555555p-1, c3l = 0x1.5555555555555p-55;
    const double c5 = 0x1.999999999999ap-2, c5l = -0x1.999999999999ap-56;
    VD t3l;
    VD t3 = two_product(splat(c3), s3, &t3l);
    t3l = t3l + c3 * s3l + c3l * s3;
    VD t5l;
    VD t5 = two_product(splat(c5), s5, &t5l);
    t5l = t5l + c5 * s5l + c5l * s5;
    // k·ln 2 exactly as kh + kl (k has ≤ 11 bits), plus the rest of ln 2.
    VD kl;
    VD kh = two_product(k, splat(ln2DDHi), &kl);
    kl = kl + k * ln2DDLo;
    VD err;
    VD hi = two_sum(kh, 2.0 * s, &err);
    VD low = kl + err + 2.0 * sl;
    hi = two_sum(hi, t3, &err);
    low = low + err + t3l;
    hi = two_sum(hi, t5, &err);
    low = low + err + t5l + tail;
    VD sum = hi + low;
    *lo = low - (sum - hi);
    return sum;
}

// MARK: sin and cos

// fdlibm's π/2 in three 33-bit pieces (so n·piece is exact for |n| < 2^20) and the rest.
static const double invPio2 = 6.36619772367581382433e-01;
static const double pio2_1 = 1.57079632673412561417e+00, pio2_2 = 6.07710050630396597660e-11,
                    pio2_2t = 2.02226624879595063154e-21;
/// sin and cos run the vector path for |x| below this (then |n| < 2^20).
static const double trigLimit = 0x1p20;

/// x − n·π/2 = y + yl (|y| ≤ π/4 + tiny), n = nearest(x·2/π), for |x| < 2^20; 33 + 33 + 53 bits
/// of π/2 leave an absolute error < 2^-98. `*bad` flags lanes whose reduced argument came out
/// below 2^-26 with n ≠ 0 (cancellation the fixed-length reduction cannot vouch for): libm
/// takes those.
INLINE VD trig_reduce(VD x, VD *yl, VL *quadrant, VL *bad) {
    VL nBits;
    VD n = round_shift(x * invPio2, &nBits);
    VD r = x - n * pio2_1;                        // exact (Sterbenz; n·pio2_1 exact)
    VD w = n * pio2_2;                            // exact
    VD err;
    VD t = two_sum(r, -w, &err);                  // r − w = t + err
    VD w2 = n * pio2_2t - err;
    VD y = t - w2;
    *yl = (t - y) - w2;
    *quadrant = nBits & 3;
    *bad = (vabs(y) < 0x1p-26) & (n != 0.0);
    return y;
}

// fdlibm's __kernel_sin and __kernel_cos (as in musl), error < 1 ulp on |x| ≤ π/4 with tail y.
static const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03,
                    S3 = -1.98412698298579493134e-04, S4 = 2.75573137070700676789e-06,
                    S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
static const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03,
                    C3 = 2.48015872894767294178e-05, C4 = -2.75573143513906633035e-07,
                    C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;

INLINE VD kernel_sin(VD x, VD y) {
    VD z = x * x, w = z * z;
    VD r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    VD v = z * x;
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

INLINE VD kernel_cos(VD x, VD y) {
    VD z = x * x, w = z * z;
    VD r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    VD hz = 0.5 * z;
    w = 1.0 - hz;
    return w + (((1.0 - w) - hz) + (z * r - x * y));
}

/// sin (cosine = 0) or cos (cosine = 1) of x for |x| < 2^20, by quadrant.
INLINE VD sincos_core(VD x, int cosine, VL *bad) {
    VD yl;
    VL quadrant;
    VD y = trig_reduce(x, &yl, &quadrant, bad);
    VD s = kernel_sin(y, yl), c = kernel_cos(y, yl);
    VL q = cosine ? quadrant + 1 : quadrant;      // cos x = sin(x + π/2)
    VD value = blend((q & 1) != 0, c, s);
    return blend((q & 2) != 0, -value, value);
}

// MARK: tanh and sigmoid

/// e^x − 1 for −0.75 ≤ x ≤ 45 (tanh's arguments), relative error ≲ 1 ulp also near 0:
/// `exp_table_reduce` with r's rounding error dr carried along (near 0 the result is r
/// itself), 2^k·s_j·(1 + T) − 1 = (scale − 1) + scale·T. scale − 1 is exact for the k ≥ −1
/// that occur (Sterbenz for k ∈ {−1, 0}; a multiple of scale's ulp below 2^(k+1) for
/// 1 ≤ k ≤ 52; tanh's large branch barely weighs it above).
INLINE VD expm1_table(VD x) {
    VD r, dr, scale;
    VD rest = exp_table_reduce(x, &r, &dr, &scale, 1);
    return FMA(scale, r + (rest + dr), scale - 1.0);
}

/// tanh from musl's forms with vector expm1: for |x| > ln(5/3)/2, t/(t + 2) with t =
/// expm1(2|x|); below, −t/(t + 2) with t = expm1(−2|x|) (a denominator in [1.6, 2], whose
/// rounding weighs half what it would above 2); the sign copied from x; |x| is clamped to 22,
/// where t + 2 rounds to t and the quotient to 1. Below 2^-28 the second form gives x itself
/// (t = −2|x|(1 − |x|) rounds so that the quotient is |x|; subnormals and ±0 exactly), so no
/// blend takes x there (two operations of ~45: 4,096 tanh 2.68 → 2.54 µs on one AVX-512
/// core). Error ≲ 2.5 ulp: expm1's ≲ 1, the sum and the quotient 0.5 each, none amplified (no
/// cancellation in these forms). musl's third form above ln3/2, 1 − 2/(t + 2), is the same
/// quotient within these bounds (10^7 points: 2.06 ulp at most either way), and
/// dropping its masks and blends took 4,096 tanh from 3.17 to 2.77 µs on one AVX-512 core (C
/// harness over the kernels). expm1 by the table (`expm1_table`) rather than a degree-13
/// polynomial: 1.02 → 0.85 ns per element, 10^7 points ≤ 2.25 ulp. (A reciprocal estimate with
/// Newton steps in place of the division was slower: 3.59 µs; the loop is bound by its
/// instruction count, not by the divider.)
INLINE VD tanh_core(VD x) {
    VD a = vabs(x);
    VL middle = a > 0x1.058aefa811452p-2;         // ln(5/3) / 2
    VD twice = 2.0 * blend(a > 22.0, splat(22.0), a);
    VD t = expm1_table(blend(middle, twice, -twice));
    VD r = blend(middle, t, -t) / (t + 2.0);
    return copysign_v(r, x);
}

/// 1/(1 + e^−x) for x ≥ 0 and e^x/(1 + e^x) below (no overflow, no cancellation), for x ≥ −708;
/// above 40, e^−x < 2^-57 and the result rounds to 1. Error ≲ 2 ulp.
INLINE VD sigmoid_core(VD x) {
    VL positive = x >= 0.0;
    VD z = -vabs(blend(x > 40.0, splat(40.0), x));
    VD e = exp_table(z);
    return blend(positive, splat(1.0), e) / (1.0 + e);
}

// MARK: pow

/// x^y for x > 0 normal finite, y finite, |y·ln x| ≤ 708: e^(y·ln x) with ln x as a
/// double-double (≲ 2^-64) and y·ln x as an exact product plus tail. `*bad` flags lanes where
/// |y·ln x| leaves exp's range (libm takes those: overflow, underflow, subnormals).
INLINE VD pow_positive(VD x, VD y, VL *bad) {
    VD lo;
    VD hi = log_dd(x, &lo);
    VD pl;
    VD ph = two_product(y, hi, &pl);
    pl = pl + y * lo;
    *bad = !(vabs(ph) <= expLimit);
    return exp_dd(blend(*bad, splat(0.0), ph), blend(*bad, splat(0.0), pl));
}

// MARK: Scalar fallbacks (libm)

static double sigmoid_scalar(double x) {
    if (x >= 0) return 1.0 / (1.0 + exp(-x));
    double e = exp(x);
    return e / (1.0 + e);
}

static double relu_scalar(double x) { return x > 0 || x != x ? x : 0.0; }

// MARK: Unary loops

/// The lanes that exp, log and sigmoid leave to libm: a test of the input alone (sin's and
/// cos's depend on their reduction as well).
INLINE VL libm_inputs(ReceptiveUnary function, VD x) {
    switch (function) {
    case ReceptiveUnaryExp: return !(vabs(x) <= expLimit);
    case ReceptiveUnaryLog: return !((x >= 0x1p-1022) & (x <= 0x1.fffffffffffffp1023));
    case ReceptiveUnarySigmoid: return !(x >= -expLimit);
    default: return no_lanes();
    }
}

/// The vector function of one unary case: the result, and the lanes libm must redo.
INLINE VD unary_vector(ReceptiveUnary function, VD x, VL *special) {
    VL none = no_lanes();
    switch (function) {
    case ReceptiveUnaryExp:
        // The special lanes' results (from any input: the arithmetic has no traps) are
        // replaced by libm's, so they need no blend to a harmless argument first.
        *special = libm_inputs(function, x);
        return exp_table(x);
    case ReceptiveUnaryLog:
        *special = libm_inputs(function, x);
        return log_core(blend(*special, splat(1.0), x));
    case ReceptiveUnarySin:
    case ReceptiveUnaryCos: {
        VL outside = !(vabs(x) < trigLimit);
        VL bad;
        VD value = sincos_core(blend(outside, splat(0.0), x), function == ReceptiveUnaryCos, &bad);
        *special = outside | bad;
        return value;
    }
    case ReceptiveUnaryTanh:
        // NaN propagates through tanh_core (the clamp keeps it, expm1 and the quotient of a NaN
        // are NaN, the sign is x's as libm's), ±inf clamps to ±1: no lane needs libm, and the
        // test per vector cost 2–5% of 4,096 tanh (C harness).
        *special = none;
        return tanh_core(x);
    case ReceptiveUnarySigmoid:
        *special = libm_inputs(function, x);   // libm's results replace these lanes' (no blend, as exp)
        return sigmoid_core(x);
    case ReceptiveUnarySqrt:
        *special = none;
        return __builtin_elementwise_sqrt(x);
    case ReceptiveUnaryAbs:
        *special = none;
        return vabs(x);
    case ReceptiveUnaryRelu:
        *special = none;
        return blend((x > 0.0) | (x != x), x, splat(0.0));
    case ReceptiveUnaryRound: {
        *special = none;
        // |x| < 2^52 rounds by the shift (ties to even); larger magnitudes, inf and NaN are whole.
        VL bits;
        VD a = vabs(x);
        VD rounded = round_shift(a, &bits);
        return copysign_v(blend(a < 0x1p52, rounded, a), x);
    }
    case ReceptiveUnaryFloor:
    case ReceptiveUnaryCeil: {
        *special = none;
        // The nearest whole number, then one step toward x's side when it overshot; the step is
        // exact (whole numbers below 2^52), and the sign is x's so that ceil(-0.5) is -0 as in C.
        VL bits;
        VD a = vabs(x);
        VD nearest = copysign_v(blend(a < 0x1p52, round_shift(a, &bits), a), x);
        VD whole = function == ReceptiveUnaryFloor ? blend(nearest > x, nearest - 1.0, nearest)
                                                   : blend(nearest < x, nearest + 1.0, nearest);
        return copysign_v(whole, x);
    }
    case ReceptiveUnaryNegate:
        *special = none;
        return -x;
    }
    *special = none;
    return x;
}

static double unary_scalar(ReceptiveUnary function, double x) {
    switch (function) {
    case ReceptiveUnaryExp: return exp(x);
    case ReceptiveUnaryLog: return log(x);
    case ReceptiveUnarySin: return sin(x);
    case ReceptiveUnaryCos: return cos(x);
    case ReceptiveUnaryTanh: return tanh(x);
    case ReceptiveUnarySigmoid: return sigmoid_scalar(x);
    case ReceptiveUnarySqrt: return sqrt(x);
    case ReceptiveUnaryAbs: return fabs(x);
    case ReceptiveUnaryRelu: return relu_scalar(x);
    case ReceptiveUnaryRound: return nearbyint(x);
    case ReceptiveUnaryFloor: return floor(x);
    case ReceptiveUnaryCeil: return ceil(x);
    case ReceptiveUnaryNegate: return -x;
    }
    return x;
}

/// One vector of the unary loop: the vector result stored, then the special lanes redone by libm
/// from the saved inputs (`y` may be `x`).
INLINE void unary_step(ReceptiveUnary function, const double *x, double *y) {
    VD input = load(x);
    VL special;
    VD result = unary_vector(function, input, &special);
    store(y, result);
    if (any(special)) {
        for (int lane = 0; lane < LANES; lane++)
            if (special[lane]) y[lane] = unary_scalar(function, input[lane]);
    }
}

/// Redoes with libm the lanes of one vector of results that need it (the others stand): found
/// from the input for exp, log and sigmoid, by computing the vector again for sin and cos.
INLINE void unary_fix(ReceptiveUnary function, const double *x, double *y) {
    if (function == ReceptiveUnarySin || function == ReceptiveUnaryCos) {
        unary_step(function, x, y);
        return;
    }
    VD input = load(x);
    VL special = libm_inputs(function, input);
    if (any(special)) {
        for (int lane = 0; lane < LANES; lane++)
            if (special[lane]) y[lane] = unary_scalar(function, input[lane]);
    }
}

/// Whether `unary_vector` can flag lanes for libm (a constant in each instance of the loop).
INLINE int can_need_libm(ReceptiveUnary function) {
    return function == ReceptiveUnaryExp || function == ReceptiveUnaryLog || function == ReceptiveUnarySin ||
           function == ReceptiveUnaryCos || function == ReceptiveUnarySigmoid;
}

/// Elements per block of the unary loop (2 KiB of results).
enum { UNARY_BLOCK = 256 };

/// The loop with `function` a constant, so the switch in unary_vector folds away. A block of
/// vectors is computed with no libm call in its loop, the lanes needing one only noted; in a
/// block that has any, they are then found again and redone by libm (`unary_fix`). With a
/// call in the loop (the fix-up inline, as before), every vector register was the callee's to
/// clobber, so the compiler reloaded the constants and tables from memory on every vector and
/// spilled the input; now they stay in registers (4,096 exp on one AVX-512 core, C harness
/// over the kernels: 1.60 → 1.54 µs alone, 1.11 with the FMA reduction and no blend of special
/// lanes; see tensor-core.md, round 7). In place (`y` = `x`), a block's results go to a buffer first,
/// so that its inputs are still there for the fix-up (not for the functions that never need
/// one: sqrt in place paid 27% more instructions for the copy).
INLINE void unary_loop(ReceptiveUnary function, const double *x, double *y, long count) {
    double buffer[UNARY_BLOCK];
    long i = 0;
    while (count - i >= LANES) {
        long n = count - i < UNARY_BLOCK ? (count - i) / LANES * LANES : UNARY_BLOCK;
        double *out = x == y && can_need_libm(function) ? buffer : y + i;
        VL special = no_lanes();
        for (long j = 0; j < n; j += LANES) {
            VL lanes;
            store(out + j, unary_vector(function, load(x + i + j), &lanes));
            special |= lanes;
        }
        if (any(special))
            for (long j = 0; j < n; j += LANES) unary_fix(function, x + i + j, out + j);
        if (out == buffer) memcpy(y + i, buffer, (size_t)n * sizeof(double));
        i += n;
    }
    if (i < count) {
        double in[LANES], out[LANES];
        for (int lane = 0; lane < LANES; lane++) in[lane] = i + lane < count ? x[i + lane] : 1.0;
        unary_step(function, in, out);
        for (long lane = 0; i + lane < count; lane++) y[i + lane] = out[lane];
    }
}

TARGET void NAME(receptive_unary)(ReceptiveUnary function, const double *x, double *y, long count) {
    switch (function) {
    case ReceptiveUnaryExp: unary_loop(ReceptiveUnaryExp, x, y, count); break;
    case ReceptiveUnaryLog: unary_loop(ReceptiveUnaryLog, x, y, count); break;
    case ReceptiveUnarySin: unary_loop(ReceptiveUnarySin, x, y, count); break;
    case ReceptiveUnaryCos: unary_loop(ReceptiveUnaryCos, x, y, count); break;
    case ReceptiveUnaryTanh: unary_loop(ReceptiveUnaryTanh, x, y, count); break;
    case ReceptiveUnarySigmoid: unary_loop(ReceptiveUnarySigmoid, x, y, count); break;
    case ReceptiveUnarySqrt: unary_loop(ReceptiveUnarySqrt, x, y, count); break;
    case ReceptiveUnaryAbs: unary_loop(ReceptiveUnaryAbs, x, y, count); break;
    case ReceptiveUnaryRelu: unary_loop(ReceptiveUnaryRelu, x, y, count); break;
    case ReceptiveUnaryRound: unary_loop(ReceptiveUnaryRound, x, y, count); break;
    case ReceptiveUnaryFloor: unary_loop(ReceptiveUnaryFloor, x, y, count); break;
    case ReceptiveUnaryCeil: unary_loop(ReceptiveUnaryCeil, x, y, count); break;
    case ReceptiveUnaryNegate: unary_loop(ReceptiveUnaryNegate, x, y, count); break;
    }
}

TARGET void NAME(receptive_clip)(const double *x, double *y, long count, double low, double high) {
    long i = 0;
    for (; i + LANES <= count; i += LANES) {
        VD v = load(x + i);
        VD c = blend(v < low, splat(low), v);
        store(y + i, blend(c > high, splat(high), c));   // NaN fails both tests and stays
    }
    for (; i < count; i++) {
        double v = x[i];
        y[i] = v < low ? low : (v > high ? high : v);
    }
}

// MARK: Binary loops

static double floored_remainder(double a, double b) {
    double r = fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) return r + b;
    return r == 0 ? (b < 0 ? -0.0 : 0.0) : r;
}

/// numpy's npy_divmod quotient, as BinaryOperation.flooredQuotient computes it in Swift: the
/// exact multiple (a - fmod(a, b)) / b, moved down one when the remainder's sign differs from
/// the divisor's, snapped to the nearest whole number (floor(a / b) is not: the division rounds).
static double floored_quotient(double a, double b) {
    if (b == 0) return a / b;
    double r = fmod(a, b);
    double q = (a - r) / b;
    if (r != 0 && ((b < 0) != (r < 0))) q -= 1;
    if (q == 0) return copysign(0.0, a / b);
    double f = floor(q);
    return q - f > 0.5 ? f + 1 : f;
}

/// One vector of a binary operation; `*special` flags lanes libm redoes (pow only).
INLINE VD binary_vector(ReceptiveBinary op, VD a, VD b, VL *special) {
    VL none = no_lanes();
    VD one = splat(1.0);
    *special = none;
    switch (op) {
    case ReceptiveBinaryAdd: return a + b;
    case ReceptiveBinarySubtract: return a - b;
    case ReceptiveBinaryMultiply: return a * b;
    case ReceptiveBinaryDivide: return a / b;
    case ReceptiveBinaryMinimum: return blend((b < a) | (b != b), b, a);
    case ReceptiveBinaryMaximum: return blend((b >= a) | (b != b), b, a);
    case ReceptiveBinaryEqual: return as_double((a == b) & as_bits(one));
    case ReceptiveBinaryNotEqual: return as_double((a != b) & as_bits(one));
    case ReceptiveBinaryLess: return as_double((a < b) & as_bits(one));
    case ReceptiveBinaryLessEqual: return as_double((a <= b) & as_bits(one));
    case ReceptiveBinaryGreater: return as_double((a > b) & as_bits(one));
    case ReceptiveBinaryGreaterEqual: return as_double((a >= b) & as_bits(one));
    case ReceptiveBinaryPower: {
        // Negative bases with a whole exponent: |a|^b, negated for an odd exponent. Everything
        // else outside the vector path (zero, subnormal, infinite or NaN operands, negative
        // bases with fractional exponents, results beyond exp's range) goes to libm's pow.
        VD magnitude = vabs(b);
        VL parityBits;
        VD whole = round_shift(magnitude, &parityBits);
        VL integral = (magnitude >= 0x1p52) | (whole == magnitude);
        VL odd = (magnitude < 0x1p52) & ((parityBits & 1) != 0);
        VD base = vabs(a);
        VL usable = (base >= 0x1p-1022) & (base <= 0x1.fffffffffffffp1023) & (magnitude <= 0x1.fffffffffffffp1023)
            & ((a > 0.0) | integral);
        VL bad;
        VD value = pow_positive(blend(usable, base, one), blend(usable, b, one), &bad);
        *special = !usable | bad;
        return blend((a < 0.0) & odd, -value, value);
    }
    case ReceptiveBinaryRemainder:
    case ReceptiveBinaryFloorDivide:
        *special = ~none;  // libm's fmod, lane by lane
        return a;
    }
    return a;
}

static double binary_scalar(ReceptiveBinary op, double a, double b) {
    switch (op) {
    case ReceptiveBinaryPower: return pow(a, b);
    case ReceptiveBinaryRemainder: return floored_remainder(a, b);
    case ReceptiveBinaryFloorDivide: return floored_quotient(a, b);
    default: return a;  // only pow, remainder and floored division have special lanes
    }
}

INLINE void binary_step(ReceptiveBinary op, VD a, VD b, double *out) {
    VL special;
    VD result = binary_vector(op, a, b, &special);
    store(out, result);
    if (any(special)) {
        for (int lane = 0; lane < LANES; lane++)
            if (special[lane]) out[lane] = binary_scalar(op, a[lane], b[lane]);
    }
}

/// The loop with `op` and the steps constant (the four cases of contiguous or broadcast operands).
INLINE void binary_loop(ReceptiveBinary op, const double *a, long aStep, const double *b, long bStep,
                        double *out, long count) {
    long i = 0;
    if (aStep && bStep) {
        for (; i + LANES <= count; i += LANES) binary_step(op, load(a + i), load(b + i), out + i);
    } else if (aStep) {
        VD s = splat(b[0]);
        for (; i + LANES <= count; i += LANES) binary_step(op, load(a + i), s, out + i);
    } else if (bStep) {
        VD s = splat(a[0]);
        for (; i + LANES <= count; i += LANES) binary_step(op, s, load(b + i), out + i);
    }
    if (i < count) {
        double left[LANES], right[LANES], result[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            left[lane] = i + lane < count ? a[(i + lane) * aStep] : 1.0;
            right[lane] = i + lane < count ? b[(i + lane) * bStep] : 1.0;
        }
        binary_step(op, load(left), load(right), result);
        if (!aStep && !bStep) {
            for (long j = i; j < count; j++) out[j] = result[0];
        } else {
            for (long lane = 0; i + lane < count; lane++) out[i + lane] = result[lane];
        }
    }
}

#define BINARY_CASE(op) \
    case op: \
        if (aStep && bStep) binary_loop(op, a, 1, b, 1, out, count); \
        else if (aStep) binary_loop(op, a, 1, b, 0, out, count); \
        else if (bStep) binary_loop(op, a, 0, b, 1, out, count); \
        else binary_loop(op, a, 0, b, 0, out, count); \
        break;

TARGET void NAME(receptive_binary)(ReceptiveBinary op, const double *a, long aStep, const double *b, long bStep,
                                   double *out, long count) {
    // Exponents whose power is exactly a cheaper operation (pow is correctly rounded there, and
    // numpy squares for x ** 2 too): x**2 = x·x, x**1 = x, x**-1 = 1/x, x**0 = 1.
    if (op == ReceptiveBinaryPower && !bStep && (b[0] == 2 || b[0] == 1 || b[0] == -1 || b[0] == 0)) {
        static const double one = 1.0;
        if (b[0] == 2) binary_loop(ReceptiveBinaryMultiply, a, aStep, a, aStep, out, count);
        else if (b[0] == 1) binary_loop(ReceptiveBinaryMultiply, a, aStep, &one, 0, out, count);
        else if (b[0] == -1) binary_loop(ReceptiveBinaryDivide, &one, 0, a, aStep, out, count);
        else binary_loop(ReceptiveBinaryMultiply, &one, 0, &one, 0, out, count);
        return;
    }
    switch (op) {
    BINARY_CASE(ReceptiveBinaryAdd)
    BINARY_CASE(ReceptiveBinarySubtract)
    BINARY_CASE(ReceptiveBinaryMultiply)
    BINARY_CASE(ReceptiveBinaryDivide)
    BINARY_CASE(ReceptiveBinaryPower)
    BINARY_CASE(ReceptiveBinaryRemainder)
    BINARY_CASE(ReceptiveBinaryFloorDivide)
    BINARY_CASE(ReceptiveBinaryMinimum)
    BINARY_CASE(ReceptiveBinaryMaximum)
    BINARY_CASE(ReceptiveBinaryEqual)
    BINARY_CASE(ReceptiveBinaryNotEqual)
    BINARY_CASE(ReceptiveBinaryLess)
    BINARY_CASE(ReceptiveBinaryLessEqual)
    BINARY_CASE(ReceptiveBinaryGreater)
    BINARY_CASE(ReceptiveBinaryGreaterEqual)
    }
}

TARGET void NAME(receptive_binary_rows)(ReceptiveBinary op, const double *a, long aRowStep, const double *b,
                                        long bRowStep, double *out, long rows, long length) {
    for (long r = 0; r < rows; r++) NAME(receptive_binary)(op, a + r * aRowStep, 1, b + r * bRowStep, 1, out + r * length, length);
}

// MARK: Reductions

/// The fold of two vectors; Minimum and Maximum keep the accumulator on ties and spread NaN
/// (once a lane holds NaN nothing replaces it; a NaN element replaces anything).
INLINE VD fold_vector(ReceptiveFold fold, VD accumulator, VD x) {
    switch (fold) {
    case ReceptiveFoldSum: return accumulator + x;
    case ReceptiveFoldSumOfSquares: return accumulator + x * x;  // rounded twice, as numpy's norm
    case ReceptiveFoldMinimum: return blend((x < accumulator) | (x != x), x, accumulator);
    case ReceptiveFoldMaximum: return blend((x > accumulator) | (x != x), x, accumulator);
    }
    return accumulator;
}

INLINE double fold_scalar(ReceptiveFold fold, double accumulator, double x) {
    switch (fold) {
    case ReceptiveFoldSum: return accumulator + x;
    case ReceptiveFoldSumOfSquares: return accumulator + x * x;
    case ReceptiveFoldMinimum: return x < accumulator || x != x ? x : accumulator;
    case ReceptiveFoldMaximum: return x > accumulator || x != x ? x : accumulator;
    }
    return accumulator;
}

INLINE void fold_loop(ReceptiveFold fold, const double *row, double *accumulator, long count) {
    long i = 0;
    for (; i + 4 * LANES <= count; i += 4 * LANES) {
        for (int part = 0; part < 4; part++) {
            double *target = accumulator + i + part * LANES;
            store(target, fold_vector(fold, load(target), load(row + i + part * LANES)));
        }
    }
    for (; i + LANES <= count; i += LANES) store(accumulator + i, fold_vector(fold, load(accumulator + i), load(row + i)));
    for (; i < count; i++) accumulator[i] = fold_scalar(fold, accumulator[i], row[i]);
}

/// Four rows per pass over the accumulator, folded into each vector in row order (so sums add
/// in the same order as one row at a time, and give the same bits): one load and one store of
/// the accumulator per four rows instead of per row. max(x, axis: 0) on one core, C harness,
/// medians of 201–501 calls: 1024² 0.127 → 0.082 ms, 2048² 1.71 → 0.69 ms.
INLINE void fold_rows_loop(ReceptiveFold fold, const double *rows, long rowStride, long rowCount,
                           double *accumulator, long count) {
    long r = 0;
    for (; r + 4 <= rowCount; r += 4) {
        const double *a = rows + r * rowStride, *b = a + rowStride, *c = b + rowStride, *d = c + rowStride;
        long i = 0;
        for (; i + LANES <= count; i += LANES) {
            VD v = load(accumulator + i);
            v = fold_vector(fold, v, load(a + i));
            v = fold_vector(fold, v, load(b + i));
            v = fold_vector(fold, v, load(c + i));
            v = fold_vector(fold, v, load(d + i));
            store(accumulator + i, v);
        }
        for (; i < count; i++) {
            double v = fold_scalar(fold, fold_scalar(fold, accumulator[i], a[i]), b[i]);
            accumulator[i] = fold_scalar(fold, fold_scalar(fold, v, c[i]), d[i]);
        }
    }
    for (; r < rowCount; r++) fold_loop(fold, rows + r * rowStride, accumulator, count);
}

TARGET void NAME(receptive_fold_rows)(ReceptiveFold fold, const double *rows, long rowStride, long rowCount,
                                      double *accumulator, long count) {
    switch (fold) {
    case ReceptiveFoldSum: fold_rows_loop(ReceptiveFoldSum, rows, rowStride, rowCount, accumulator, count); break;
    case ReceptiveFoldSumOfSquares:
        fold_rows_loop(ReceptiveFoldSumOfSquares, rows, rowStride, rowCount, accumulator, count);
        break;
    case ReceptiveFoldMinimum: fold_rows_loop(ReceptiveFoldMinimum, rows, rowStride, rowCount, accumulator, count); break;
    case ReceptiveFoldMaximum: fold_rows_loop(ReceptiveFoldMaximum, rows, rowStride, rowCount, accumulator, count); break;
    }
}

/// Four accumulators hide the latency of the dependent folds; the lanes combine at the end
/// in a fixed order, then the tail. Minimum and Maximum need count ≥ 1.
INLINE double reduce_loop(ReceptiveFold fold, const double *x, long count) {
    int additive = fold == ReceptiveFoldSum || fold == ReceptiveFoldSumOfSquares;
    ReceptiveFold combine = fold == ReceptiveFoldSumOfSquares ? ReceptiveFoldSum : fold;  // squares already taken
    double total = additive ? 0.0 : x[0];
    long i = 0;
    if (count >= LANES) {
        VD first = additive ? splat(0.0) : load(x);
        VD acc[4] = {first, first, first, first};
        i = additive ? 0 : LANES;
        for (; i + 4 * LANES <= count; i += 4 * LANES)
            for (int part = 0; part < 4; part++) acc[part] = fold_vector(fold, acc[part], load(x + i + part * LANES));
        for (; i + LANES <= count; i += LANES) acc[0] = fold_vector(fold, acc[0], load(x + i));
        VD v = fold_vector(combine, fold_vector(combine, acc[0], acc[1]), fold_vector(combine, acc[2], acc[3]));
        total = v[0];
        for (int lane = 1; lane < LANES; lane++) total = fold_scalar(combine, total, v[lane]);
    } else if (!additive) {
        i = 1;
    }
    for (; i < count; i++) total = fold_scalar(fold, total, x[i]);
    return total;
}

TARGET double NAME(receptive_reduce)(ReceptiveFold fold, const double *x, long count) {
    switch (fold) {
    case ReceptiveFoldSum: return reduce_loop(ReceptiveFoldSum, x, count);
    case ReceptiveFoldSumOfSquares: return reduce_loop(ReceptiveFoldSumOfSquares, x, count);
    case ReceptiveFoldMinimum: return reduce_loop(ReceptiveFoldMinimum, x, count);
    case ReceptiveFoldMaximum: return reduce_loop(ReceptiveFoldMaximum, x, count);
    }
    return 0;
}

// MARK: numpy's pairwise sum

// numpy's `pairwise_sum_DOUBLE` (loops_utils.h), bit for bit: a run of up to 128 elements (a
// leaf) is summed in eight accumulators r[0..7], r[j] adding x[j], x[j + 8], … in order, then
// ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)) and the last count % 8 elements one by one;
// a longer run is split at the multiple of 8 at or below its middle and the halves' sums added.
// One leaf is one dependency chain of vector adds, 16 long (a latency-bound loop), so up to four
// leaves are summed at once, independent chains the core overlaps; the adds of each lane stay
// those numpy makes, in its order.

/// numpy's eight accumulators as 8 / LANES vectors.
#define SUM_VECTORS (8 / LANES)
typedef struct { VD v[SUM_VECTORS]; } Sum8;

INLINE VD sum_term(VD x, int square) { return square ? x * x : x; }
INLINE double sum_term_scalar(double x, int square) { return square ? x * x : x; }

/// numpy splits a run longer than a leaf here.
static long pairwise_half(long count) {
    long half = count / 2;
    return half - half % 8;
}

/// The sums of `n` leaves of 8 elements or more, their accumulator chains interleaved.
INLINE void sum_leaves(int n, const double *const *x, const long *count, double *sums, int square) {
    Sum8 r[4];
    long steps[4], common = count[0] / 8;
    for (int j = 0; j < n; j++) {
        steps[j] = count[j] / 8;
        if (steps[j] < common) common = steps[j];
        for (int k = 0; k < SUM_VECTORS; k++) r[j].v[k] = sum_term(load(x[j] + k * LANES), square);
    }
    for (long s = 1; s < common; s++)
        for (int j = 0; j < n; j++)
            for (int k = 0; k < SUM_VECTORS; k++)
                r[j].v[k] = r[j].v[k] + sum_term(load(x[j] + 8 * s + k * LANES), square);
    for (int j = 0; j < n; j++) {
        for (long s = common; s < steps[j]; s++)
            for (int k = 0; k < SUM_VECTORS; k++)
                r[j].v[k] = r[j].v[k] + sum_term(load(x[j] + 8 * s + k * LANES), square);
        double lane[8];
        memcpy(lane, r[j].v, sizeof lane);
        double total = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
        for (long i = steps[j] * 8; i < count[j]; i++) total += sum_term_scalar(x[j][i], square);
        sums[j] = total;
    }
}

/// Whether numpy splits a run of `count` into exactly two leaves (both halves 128 or shorter:
/// the right one is up to 7 longer than the left, so not every run of 129–256 does).
static int splits_into_two_leaves(long count) {
    return count > 128 && count <= 256 && count - pairwise_half(count) <= 128;
}

/// The pairwise sum, one function per term (`square` a constant inside, so no test in the
/// loops). A run that numpy splits into two leaves is summed as two chains at once, one whose
/// halves split so into four leaves as four (every run of a power of two times 8, most of any
/// other length); the rest recurse.
#define PAIRWISE_SUM(name, square) \
    TARGET static double name(const double *x, long count) { \
        if (count < 8) { \
            double total = 0; \
            for (long i = 0; i < count; i++) total += sum_term_scalar(x[i], square); \
            return total; \
        } \
        double s[4]; \
        if (count <= 128) { \
            sum_leaves(1, &x, &count, s, square); \
            return s[0]; \
        } \
        long half = pairwise_half(count), right = count - half; \
        if (splits_into_two_leaves(count)) { \
            const double *leaf[2] = {x, x + half}; \
            long length[2] = {half, right}; \
            sum_leaves(2, leaf, length, s, square); \
            return s[0] + s[1]; \
        } \
        if (splits_into_two_leaves(half) && splits_into_two_leaves(right)) { \
            long h0 = pairwise_half(half), h1 = pairwise_half(right); \
            const double *leaf[4] = {x, x + h0, x + half, x + half + h1}; \
            long length[4] = {h0, half - h0, h1, right - h1}; \
            sum_leaves(4, leaf, length, s, square); \
            return (s[0] + s[1]) + (s[2] + s[3]); \
        } \
        double left = name(x, half); \
        return left + name(x + half, right); \
    }
PAIRWISE_SUM(pairwise_sum, 0)
PAIRWISE_SUM(pairwise_sum_of_squares, 1)

TARGET double NAME(receptive_pairwise_sum)(int square, const double *x, long count) {
    return square ? pairwise_sum_of_squares(x, count) : pairwise_sum(x, count);
}

TARGET void NAME(receptive_fold_arg)(int largest, const double *row, double rowIndex, double *best, double *index,
                                     long count) {
    VD position = splat(rowIndex);
    long i = 0;
    for (; i + LANES <= count; i += LANES) {
        VD x = load(row + i), b = load(best + i);
        VL wins = ((largest ? x > b : x < b) | (x != x)) & (b == b);
        store(best + i, blend(wins, x, b));
        store(index + i, blend(wins, position, load(index + i)));
    }
    for (; i < count; i++) {
        double x = row[i], b = best[i];
        if (b == b && ((largest ? x > b : x < b) || x != x)) {
            best[i] = x;
            index[i] = rowIndex;
        }
    }
}

// MARK: softmax

TARGET void NAME(receptive_softmax_rows)(int logarithm, const double *x, double *y, long rows, long length) {
    for (long r = 0; r < rows; r++) {
        const double *in = x + r * length;
        double *out = y + r * length;
        double largest = reduce_loop(ReceptiveFoldMaximum, in, length);
        // A row holding +inf gives NaN (inf − inf), a row of −inf NaN too: as numpy's formula.
        VD shift = splat(largest);
        VD sums = splat(0.0);
        long i = 0;
        for (; i + LANES <= length; i += LANES) {
            VD z = load(in + i) - shift;
            // Differences below −708 (tiny or zero terms) and NaN go to libm.
            VL low = !(z >= -expLimit);
            VD e = exp_table(blend(low, splat(0.0), z));
            if (any(low)) {
                for (int lane = 0; lane < LANES; lane++)
                    if (low[lane]) e[lane] = exp(z[lane]);
            }
            sums += e;
            if (!logarithm) store(out + i, e);
        }
        double total = 0;
        for (int lane = 0; lane < LANES; lane++) total += sums[lane];
        for (; i < length; i++) {
            double e = exp(in[i] - largest);
            total += e;
            if (!logarithm) out[i] = e;
        }
        if (logarithm) {
            double offset = largest + log(total);
            for (i = 0; i + LANES <= length; i += LANES) store(out + i, load(in + i) - offset);
            for (; i < length; i++) out[i] = in[i] - offset;
        } else {
            double scale = 1.0 / total;
            for (i = 0; i + LANES <= length; i += LANES) store(out + i, load(out + i) * scale);
            for (; i < length; i++) out[i] *= scale;
        }
    }
}

// MARK: Transpose

/// LANES rows of LANES elements (rows `stride` apart) transposed in registers: two shuffle
/// stages (2 and 4 lanes) or three (8), each pairing vectors at twice the previous granularity.
INLINE void transpose_block(const double *source, long sourceStride, double *destination, long destinationStride) {
    VD r[LANES];
    for (int i = 0; i < LANES; i++) r[i] = load(source + i * sourceStride);
#if LANES == 8
    VD t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = __builtin_shufflevector(r[i], r[i + 1], 0, 8, 2, 10, 4, 12, 6, 14);
        t[i + 1] = __builtin_shufflevector(r[i], r[i + 1], 1, 9, 3, 11, 5, 13, 7, 15);
    }
    for (int i = 0; i < 8; i += 4) {
        for (int j = 0; j < 2; j++) {
            u[i + j] = __builtin_shufflevector(t[i + j], t[i + j + 2], 0, 1, 8, 9, 4, 5, 12, 13);
            u[i + j + 2] = __builtin_shufflevector(t[i + j], t[i + j + 2], 2, 3, 10, 11, 6, 7, 14, 15);
        }
    }
    for (int j = 0; j < 4; j++) {
        r[j] = __builtin_shufflevector(u[j], u[j + 4], 0, 1, 2, 3, 8, 9, 10, 11);
        r[j + 4] = __builtin_shufflevector(u[j], u[j + 4], 4, 5, 6, 7, 12, 13, 14, 15);
    }
#elif LANES == 4
    VD t[4];
    for (int i = 0; i < 4; i += 2) {
        t[i] = __builtin_shufflevector(r[i], r[i + 1], 0, 4, 2, 6);
        t[i + 1] = __builtin_shufflevector(r[i], r[i + 1], 1, 5, 3, 7);
    }
    for (int j = 0; j < 2; j++) {
        r[j] = __builtin_shufflevector(t[j], t[j + 2], 0, 1, 4, 5);
        r[j + 2] = __builtin_shufflevector(t[j], t[j + 2], 2, 3, 6, 7);
    }
#else
    VD t0 = __builtin_shufflevector(r[0], r[1], 0, 2), t1 = __builtin_shufflevector(r[0], r[1], 1, 3);
    r[0] = t0;
    r[1] = t1;
#endif
    for (int i = 0; i < LANES; i++) store(destination + i * destinationStride, r[i]);
}

/// 64×64 tiles, each transposed block by block (LANES × LANES in registers) into a buffer in the
/// first-level cache and then copied out a row (512 contiguous bytes) at a time. Writing the
/// blocks straight to the destination was 5× slower for power-of-two widths: the rows of a
/// 1024-wide matrix are 8 KiB apart, so every line written fell in the same few cache sets
/// (1024²: 1.47 ms direct, 0.31 ms through the buffer, a copy of the same bytes 0.19 ms).
TARGET void NAME(receptive_transpose)(const double *source, long sourceStride, long rows, long columns,
                                      double *destination, long destinationStride) {
    enum { tile = 64 };
    double buffer[tile * tile];
    for (long r0 = 0; r0 < rows; r0 += tile) {
        long height = rows - r0 < tile ? rows - r0 : tile;
        for (long c0 = 0; c0 < columns; c0 += tile) {
            long width = columns - c0 < tile ? columns - c0 : tile;
            const double *from = source + r0 * sourceStride + c0;
            // buffer[c·tile + r] = from[r·sourceStride + c]
            long r = 0;
            for (; r + LANES <= height; r += LANES) {
                long c = 0;
                for (; c + LANES <= width; c += LANES)
                    transpose_block(from + r * sourceStride + c, sourceStride, buffer + c * tile + r, tile);
                for (; c < width; c++)
                    for (long i = r; i < r + LANES; i++) buffer[c * tile + i] = from[i * sourceStride + c];
            }
            for (; r < height; r++)
                for (long c = 0; c < width; c++) buffer[c * tile + r] = from[r * sourceStride + c];
            for (long c = 0; c < width; c++)
                memcpy(destination + (c0 + c) * destinationStride + r0, buffer + c * tile, height * sizeof(double));
        }
    }
}

// MARK: Correlation

/// Vectors of outputs per tile of `receptive_correlate_row`: the weight broadcast for a tap is
/// shared by a tile's vectors; each vector still loads its own input at every tap.
enum { CORRELATION_TILE = 4 };

/// The sums of `row` for the `vectors` vectors of outputs from column `column` (each output's
/// products added from 0 in tap order, rounded one by one: FP_CONTRACT is off in this file).
INLINE void correlate_vectors(const ReceptiveCorrelationRow *row, long column, const int vectors) {
    VD sums[CORRELATION_TILE];
    for (int v = 0; v < vectors; v++) sums[v] = splat(0.0);
    const double *tapRow = row->source + column;
    const double *weights = row->weights;
    for (long r = 0; r < row->tapRows; r++) {
        const double *values = tapRow;
        for (long t = 0; t < row->kernelColumns; t++) {
            const VD weight = splat(weights[t]);
            for (int v = 0; v < vectors; v++) sums[v] = sums[v] + weight * load(values + v * LANES);
            values += row->columnStep;
        }
        tapRow += row->rowStep;
        weights += row->kernelColumns;
    }
    double *target = row->output + column;
    for (int v = 0; v < vectors; v++)
        store(target + v * LANES, (row->accumulates ? load(target + v * LANES) : splat(row->initial)) + sums[v]);
}

/// Why a C kernel (measured): the Swift loops it replaced compiled to SSE2 (Swift targets
/// baseline x86-64: 2 lanes, a multiply and an add per tap); see benchmarks/results/
/// tensor-core.md, "correlate in C", for the before and after.
TARGET void NAME(receptive_correlate_row)(const ReceptiveCorrelationRow *row) {
    long column = 0;
    for (; column + CORRELATION_TILE * LANES <= row->count; column += CORRELATION_TILE * LANES)
        correlate_vectors(row, column, CORRELATION_TILE);
    for (; column + LANES <= row->count; column += LANES) correlate_vectors(row, column, 1);
    // The last few outputs one at a time, in the same order as a lane.
    for (; column < row->count; column++) {
        double sum = 0.0;
        const double *tapRow = row->source + column;
        const double *weights = row->weights;
        for (long r = 0; r < row->tapRows; r++) {
            for (long t = 0; t < row->kernelColumns; t++) sum = sum + weights[t] * tapRow[t * row->columnStep];
            tapRow += row->rowStep;
            weights += row->kernelColumns;
        }
        row->output[column] = (row->accumulates ? row->output[column] : row->initial) + sum;
    }
}

// MARK: Matrix product

enum { MR = GEMM_MR, NV = GEMM_NV, NR = GEMM_NV * LANES };
/// The inner dimension of one packed slab: an A micro-panel (MR × KC) stays in the first-level
/// cache while it meets every B micro-panel of a column block.
enum { KC = 256 };
/// Columns of one block of B micro-panels (KC × NCB doubles, ≤ 512 KiB, stays in the second-level cache).
enum { NCB = (240 / NR) * NR };
/// Rows of A packed at a time (MC × KC doubles of scratch).
enum { MC = (128 / MR) * MR };

static long min_long(long a, long b) { return a < b ? a : b; }

static long panel_count(const ReceptiveMatrixProduct *p) { return (p->columns + NR - 1) / NR; }

TARGET long NAME(receptive_gemm_panel_width)(void) { return NR; }

TARGET long NAME(receptive_gemm_scratch_count)(void) { return MC * KC; }

TARGET long NAME(receptive_gemm_row_block)(void) { return MC; }

TARGET long NAME(receptive_gemm_micro_rows)(void) { return MR; }

/// Slab `pc` (kc deep) of panel q: kc rows of NR columns, zero beyond the matrix.
TARGET void NAME(receptive_gemm_pack_b)(const ReceptiveMatrixProduct *p, double *packed, long firstPanel, long endPanel) {
    long panels = panel_count(p);
    for (long pc = 0; pc < p->inner; pc += KC) {
        long kc = min_long(KC, p->inner - pc);
        double *slab = packed + pc * panels * NR;
        for (long q = firstPanel; q < endPanel; q++) {
            long j0 = q * NR, width = min_long(NR, p->columns - j0);
            double *out = slab + q * kc * NR;
            const double *in = p->b + pc * p->bRowStride + j0 * p->bColumnStride;
            for (long k = 0; k < kc; k++, out += NR, in += p->bRowStride) {
                if (width == NR && p->bColumnStride == 1) {
                    memcpy(out, in, NR * sizeof(double));
                } else {
                    long j = 0;
                    for (; j < width; j++) out[j] = in[j * p->bColumnStride];
                    for (; j < NR; j++) out[j] = 0;
                }
            }
        }
    }
}

/// Rows i0..<i0+mc of A, columns pc..<pc+kc, as MR-row micro-panels (k-major), zero-padded.
INLINE void pack_a(const ReceptiveMatrixProduct *p, long i0, long mc, long pc, long kc, double *out) {
    for (long r0 = 0; r0 < mc; r0 += MR, out += MR * kc) {
        long height = min_long(MR, mc - r0);
        const double *in = p->a + (i0 + r0) * p->aRowStride + pc * p->aColumnStride;
        if (p->aColumnStride == 1) {
            for (long r = 0; r < height; r++) {
                const double *row = in + r * p->aRowStride;
                for (long k = 0; k < kc; k++) out[k * MR + r] = row[k];
            }
        } else {
            for (long k = 0; k < kc; k++)
                for (long r = 0; r < height; r++) out[k * MR + r] = in[r * p->aRowStride + k * p->aColumnStride];
        }
        for (long r = height; r < MR; r++)
            for (long k = 0; k < kc; k++) out[k * MR + r] = 0;
    }
}

/// The micro-kernel: an MR × NR block of C from an MR-row A micro-panel and an NR-column B
/// micro-panel, kc deep, in MR·NV accumulators; stored (or added) whole, or through a buffer at
/// the matrix's edges (height × width valid).
INLINE void micro_kernel(long kc, const double *a, const double *b, double *c, long ldc, int accumulate,
                         long height, long width) {
    VD sums[MR][NV];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) sums[r][v] = splat(0.0);
    for (long k = 0; k < kc; k++, a += MR, b += NR) {
        VD bv[NV];
        for (int v = 0; v < NV; v++) bv[v] = load(b + v * LANES);
        for (int r = 0; r < MR; r++) {
            VD av = splat(a[r]);
            for (int v = 0; v < NV; v++) sums[r][v] = FMA(av, bv[v], sums[r][v]);
        }
    }
    if (height == MR && width == NR) {
        for (int r = 0; r < MR; r++)
            for (int v = 0; v < NV; v++) {
                double *target = c + r * ldc + v * LANES;
                store(target, accumulate ? load(target) + sums[r][v] : sums[r][v]);
            }
        return;
    }
    double tile[MR][NR];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < NV; v++) store(&tile[r][v * LANES], sums[r][v]);
    for (long r = 0; r < height; r++)
        for (long j = 0; j < width; j++) c[r * ldc + j] = accumulate ? c[r * ldc + j] + tile[r][j] : tile[r][j];
}

TARGET void NAME(receptive_gemm_rows)(const ReceptiveMatrixProduct *p, const double *packed, double *scratch,
                                      long firstRow, long endRow) {
    long panels = panel_count(p);
    if (p->inner == 0) {
        if (!p->accumulate)
            for (long i = firstRow; i < endRow; i++) memset(p->c + i * p->cRowStride, 0, p->columns * sizeof(double));
        return;
    }
    for (long i0 = firstRow; i0 < endRow; i0 += MC) {
        long mc = min_long(MC, endRow - i0);
        for (long pc = 0; pc < p->inner; pc += KC) {
            long kc = min_long(KC, p->inner - pc);
            int accumulate = pc > 0 || p->accumulate;
            pack_a(p, i0, mc, pc, kc, scratch);
            const double *slab = packed + pc * panels * NR;
            for (long q0 = 0; q0 < panels; q0 += NCB / NR) {
                long q1 = min_long(panels, q0 + NCB / NR);
                for (long r0 = 0; r0 < mc; r0 += MR) {
                    long height = min_long(MR, mc - r0);
                    double *cRow = p->c + (i0 + r0) * p->cRowStride;
                    for (long q = q0; q < q1; q++) {
                        long width = min_long(NR, p->columns - q * NR);
                        micro_kernel(kc, scratch + r0 * kc, slab + q * kc * NR, cRow + q * NR, p->cRowStride,
                                     accumulate, height, width);
                    }
                }
            }
        }
    }
}

// MARK: Small matrix product

/// One MR × (nv·LANES) block of C, kc deep, from A and B read where they lie: A's element (r, k)
/// at `a[r·aRowStep + k·aKStep]` (rows from `height` on repeat the last, so nothing past A is
/// read; they are computed and dropped), B's rows `ldb` apart with contiguous columns. Rows
/// below `height` of C are stored, or added to when `accumulate`. `nv` is a constant at each
/// call, so the loops over it unroll into nv·MR accumulators.
INLINE void small_tile(int nv, long kc, const double *a, long aRowStep, long aKStep, const double *b, long ldb,
                       double *c, long ldc, int accumulate, long height) {
    const double *rows[MR];
    for (int r = 0; r < MR; r++) rows[r] = a + (r < height ? r : height - 1) * aRowStep;
    VD sums[MR][NV];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < nv; v++) sums[r][v] = splat(0.0);
    for (long k = 0; k < kc; k++, b += ldb) {
        VD bv[NV];
        for (int v = 0; v < nv; v++) bv[v] = load(b + v * LANES);
        for (int r = 0; r < MR; r++) {
            VD av = splat(rows[r][k * aKStep]);
            for (int v = 0; v < nv; v++) sums[r][v] = FMA(av, bv[v], sums[r][v]);
        }
    }
    for (long r = 0; r < height; r++)
        for (int v = 0; v < nv; v++) {
            double *target = c + r * ldc + v * LANES;
            store(target, accumulate ? load(target) + sums[r][v] : sums[r][v]);
        }
}

/// Rows `firstRow..<endRow` of C = A · B (or C += A · B) for a B with contiguous rows, without
/// packing B: NR-column tiles of B are read where they lie, then narrower tiles of whole
/// vectors; only the last `columns mod LANES` columns are copied, zero-padded, into a buffer.
/// A is read in place when its rows are contiguous, else packed MR rows at a time. For small
/// products packing is a large share of the work and B stays in the first- or second-level
/// cache unpacked anyway. C harness, one AVX-512 core, n × n products, packed (buffers
/// allocated once) → here: 64² 6.3 → 4.3 µs (122 GFLOP/s, the core's peak), 128² 42 → 33 µs,
/// 256² 292 → 257 µs; packing A as well took 5.7 µs at 64².
TARGET void NAME(receptive_gemm_small)(const ReceptiveMatrixProduct *p, long firstRow, long endRow) {
    double packedA[MR * KC], tailB[KC * LANES], tile[MR * LANES];
    long wholeColumns = p->columns / LANES * LANES, tail = p->columns - wholeColumns;
    long ldb = p->bRowStride, ldc = p->cRowStride;
    for (long pc = 0; pc < p->inner; pc += KC) {
        long kc = min_long(KC, p->inner - pc);
        int accumulate = pc > 0 || p->accumulate;
        const double *b = p->b + pc * ldb;
        for (long k = 0; k < kc && tail; k++)
            for (long j = 0; j < LANES; j++) tailB[k * LANES + j] = j < tail ? b[k * ldb + wholeColumns + j] : 0.0;
        for (long i0 = firstRow; i0 < endRow; i0 += MR) {
            long height = min_long(MR, endRow - i0);
            const double *a = p->a + i0 * p->aRowStride + pc;
            long aRowStep = p->aRowStride, aKStep = 1;
            if (p->aColumnStride != 1) {
                pack_a(p, i0, height, pc, kc, packedA);
                a = packedA;
                aRowStep = 1;
                aKStep = MR;
            }
            double *c = p->c + i0 * ldc;
            long j = 0;
            for (; j + NR <= wholeColumns; j += NR)
                small_tile(NV, kc, a, aRowStep, aKStep, b + j, ldb, c + j, ldc, accumulate, height);
#if GEMM_NV >= 3
            if (j + 2 * LANES <= wholeColumns) {
                small_tile(2, kc, a, aRowStep, aKStep, b + j, ldb, c + j, ldc, accumulate, height);
                j += 2 * LANES;
            }
#endif
            for (; j < wholeColumns; j += LANES)
                small_tile(1, kc, a, aRowStep, aKStep, b + j, ldb, c + j, ldc, accumulate, height);
            if (tail) {
                small_tile(1, kc, a, aRowStep, aKStep, tailB, LANES, tile, LANES, 0, height);
                for (long r = 0; r < height; r++)
                    for (long t = 0; t < tail; t++) {
                        double *target = c + r * ldc + wholeColumns + t;
                        *target = accumulate ? *target + tile[r * LANES + t] : tile[r * LANES + t];
                    }
            }
        }
    }
}

// MARK: Matrix × vector

/// Four rows at a time share each load of x; each row's lanes are summed at the end.
TARGET void NAME(receptive_gemv_rows)(const double *a, long aRowStride, long inner, const double *x, double *y,
                                      long firstRow, long endRow, int accumulate) {
    long i = firstRow;
    for (; i + 4 <= endRow; i += 4) {
        const double *rows[4] = {a + i * aRowStride, a + (i + 1) * aRowStride, a + (i + 2) * aRowStride,
                                 a + (i + 3) * aRowStride};
        VD sums[4] = {splat(0.0), splat(0.0), splat(0.0), splat(0.0)};
        long p = 0;
        for (; p + LANES <= inner; p += LANES) {
            VD xv = load(x + p);
            for (int r = 0; r < 4; r++) sums[r] = FMA(load(rows[r] + p), xv, sums[r]);
        }
        for (int r = 0; r < 4; r++) {
            double total = 0;
            for (int lane = 0; lane < LANES; lane++) total += sums[r][lane];
            for (long q = p; q < inner; q++) total += rows[r][q] * x[q];
            y[i + r] = accumulate ? y[i + r] + total : total;
        }
    }
    for (; i < endRow; i++) {
        const double *row = a + i * aRowStride;
        VD sum = splat(0.0);
        long p = 0;
        for (; p + LANES <= inner; p += LANES) sum = FMA(load(row + p), load(x + p), sum);
        double total = 0;
        for (int lane = 0; lane < LANES; lane++) total += sum[lane];
        for (; p < inner; p++) total += row[p] * x[p];
        y[i] = accumulate ? y[i] + total : total;
    }
}

/// Column blocks of 512 (the block of y stays in the first-level cache), four rows of B per pass.
TARGET void NAME(receptive_gevm)(const double *x, const double *b, long bRowStride, long inner, double *y,
                                 long columns, int accumulate) {
    enum { block = 512 };
    for (long j0 = 0; j0 < columns; j0 += block) {
        long width = min_long(block, columns - j0);
        double *target = y + j0;
        if (!accumulate) memset(target, 0, width * sizeof(double));
        long p = 0;
        for (; p + 4 <= inner; p += 4) {
            const double *r0 = b + p * bRowStride + j0, *r1 = r0 + bRowStride, *r2 = r1 + bRowStride,
                         *r3 = r2 + bRowStride;
            VD x0 = splat(x[p]), x1 = splat(x[p + 1]), x2 = splat(x[p + 2]), x3 = splat(x[p + 3]);
            long j = 0;
            for (; j + LANES <= width; j += LANES) {
                VD acc = load(target + j);
                acc = FMA(x0, load(r0 + j), acc);
                acc = FMA(x1, load(r1 + j), acc);
                acc = FMA(x2, load(r2 + j), acc);
                acc = FMA(x3, load(r3 + j), acc);
                store(target + j, acc);
            }
            for (; j < width; j++)
                target[j] += x[p] * r0[j] + x[p + 1] * r1[j] + x[p + 2] * r2[j] + x[p + 3] * r3[j];
        }
        for (; p < inner; p++) {
            const double *row = b + p * bRowStride + j0;
            VD xv = splat(x[p]);
            long j = 0;
            for (; j + LANES <= width; j += LANES) store(target + j, FMA(xv, load(row + j), load(target + j)));
            for (; j < width; j++) target[j] += x[p] * row[j];
        }
    }
}
