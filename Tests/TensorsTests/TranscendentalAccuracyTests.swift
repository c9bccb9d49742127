import Foundation
import Testing
@testable import Tensors
import TestSupport

// The accuracy of the vectorised transcendental functions (Sources/CTensorKernels/Vector.h) at
// every level this CPU runs, in ulps of the exact result:
//
// 1. against the committed high-precision reference (Fixtures/transcendental, mpmath at 256
//    bits: ~3,500 points per function chosen where algorithms fail: range limits, hand-over
//    points, near multiples of π/2, subnormals);
// 2. on 10^7 points per function and level, against glibc's long-double functions (expl, logl,
//    sinl, cosl, tanhl, powl: 64-bit significands, within 1–2 of their own ulps, i.e. 2^-11
//    ulp of a double), half drawn over each function's working range and half as random bit
//    patterns (the whole range, specials and libm's hand-over lanes included). Step 1 also
//    checks that this reference agrees with mpmath to 1/100 ulp at the committed points;
//    fixtures of 10^7 mpmath values would be hundreds of megabytes;
// 3. specials (±0, ±inf, NaN, subnormals, the overflow and underflow thresholds) bit for bit
//    against libm, whose results numpy gives too.
//
// The bounds, from the error analysis in Vector.h (measured maxima in brackets, AVX-512):
// exp, log, sin, cos, pow < 1 ulp (each is a final rounding of 0.5 plus terms carried with
// ≥ 2^-60 relative error: measured 0.79–0.86); sqrt 0.5 (the instruction is correctly
// rounded); tanh and sigmoid 2.5 (a quotient and a sum of rounded terms, none amplified by
// cancellation: measured 2.15 and 2.29). The portable level rounds products and sums
// separately (no FMA) but stays inside the same bounds. A wrong coefficient, a reduction
// losing bits, or a lane taken by the wrong path shows up as tens to millions of ulps.

/// The functions measured, their bounds in ulps, and their long-double references.
private struct Measured: CustomStringConvertible, Sendable {
    let function: UnaryFunction
    let bound: Double
    let reference: @Sendable (Float80) -> Float80
    /// Draws one input of the working range from a uniform u in [0, 1) and a sign.
    let working: @Sendable (Double, Double) -> Double

    var description: String { function.rawValue }
}

private let measured: [Measured] = [
    Measured(function: .exp, bound: 1, reference: { Foundation.exp($0) }, working: { u, _ in -745.2 + u * 1455 }),
    Measured(function: .log, bound: 1, reference: { Foundation.log($0) }, working: { u, _ in Foundation.exp2(-1074 + u * 2098) }),
    Measured(function: .sin, bound: 1, reference: { Foundation.sin($0) }, working: { u, s in s * Foundation.exp2(-30 + u * 51) }),
    Measured(function: .cos, bound: 1, reference: { Foundation.cos($0) }, working: { u, s in s * Foundation.exp2(-30 + u * 51) }),
    Measured(function: .tanh, bound: 2.5, reference: { Foundation.tanh($0) }, working: { u, s in s * Foundation.exp2(-35 + u * 40) }),
    Measured(function: .sigmoid, bound: 2.5, reference: { 1 / (1 + Foundation.exp(-$0)) }, working: { u, s in s * u * 750 }),
    Measured(function: .sqrt, bound: 0.5, reference: { $0.squareRoot() }, working: { u, _ in Foundation.exp2(-1074 + u * 2098) }),
]

/// SplitMix64: reproducible draws.
private struct Draws {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func sign() -> Double { next() & 1 == 0 ? 1 : -1 }
}

/// The spacing of doubles at `value`'s magnitude (2^-1074 among the subnormals).
private func ulp(_ value: Double) -> Double {
    value.isFinite ? Swift.max(value.magnitude.ulp, Double.leastNonzeroMagnitude) : .nan
}

/// The error of `computed` in ulps of the exact value `exact` (a long double), or nil when the
/// exact value is not a finite double, where `computed` must equal libm's `expected` instead.
private func ulpError(_ computed: Double, exact: Float80) -> Double? {
    let rounded = Double(exact)
    guard rounded.isFinite else { return nil }
    return Double((Float80(computed) - exact).magnitude / Float80(ulp(rounded)))
}

private func sameResult(_ a: Double, _ b: Double) -> Bool {
    (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
}

/// What libm (and numpy) give for `function` at `x`.
private func libm(_ function: UnaryFunction, _ x: Double) -> Double { LibmReference.value(function, x) }

private func apply(_ kernel: VectorKernel, _ function: UnaryFunction, _ inputs: [Double]) -> [Double] {
    var outputs = [Double](repeating: 0, count: inputs.count)
    inputs.withUnsafeBufferPointer { x in
        outputs.withUnsafeMutableBufferPointer { y in
            kernel.apply(function, x.baseAddress!, y.baseAddress!, count: inputs.count)
        }
    }
    return outputs
}

private func power(_ kernel: VectorKernel, _ x: [Double], _ y: [Double]) -> [Double] {
    var outputs = [Double](repeating: 0, count: x.count)
    x.withUnsafeBufferPointer { a in
        y.withUnsafeBufferPointer { b in
            outputs.withUnsafeMutableBufferPointer { out in
                kernel.combine(.power, a.baseAddress!, step: 1, b.baseAddress!, step: 1, into: out.baseAddress!,
                               count: x.count)
            }
        }
    }
    return outputs
}

/// The committed reference: rows of (inputs…, correctly rounded result, exact − that).
private func reference(_ name: String) throws -> Tensor {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "npy",
                                             subdirectory: "Fixtures/transcendental"))
    return try TensorFile.load(url.path, relativeTo: nil, control: .fresh)
}

private struct Case: CustomStringConvertible, Sendable {
    let kernel: VectorKernel
    let function: Measured
    var description: String { "\(function) \(kernel)" }
}

private let cases = VectorKernel.available.flatMap { kernel in measured.map { Case(kernel: kernel, function: $0) } }

/// The error of `computed` in ulps against a committed row: the correctly rounded double and
/// the rest, in ulps of it.
private func ulpError(_ computed: Double, rounded: Double, restInUlps: Double) -> Double {
    ((computed - rounded) / ulp(rounded) - restInUlps).magnitude
}

@Test(arguments: cases)
private func agreesWithTheMpmathReference(_ item: Case) throws {
    let table = try reference(item.function.function.rawValue)
    let rows = table.shape[0]
    let inputs = (0..<rows).map { table.scalars[3 * $0] }
    let results = apply(item.kernel, item.function.function, inputs)
    var worst = 0.0, worstReference = 0.0
    for row in 0..<rows {
        let rounded = table.scalars[3 * row + 1], rest = table.scalars[3 * row + 2]
        worst = Swift.max(worst, ulpError(results[row], rounded: rounded, restInUlps: rest))
        // The long-double reference of the sweep below must be far more accurate than the bound.
        let longDouble = item.function.reference(Float80(inputs[row]))
        let referenceError = Double(((longDouble - Float80(rounded)) / Float80(ulp(rounded)) - Float80(rest)).magnitude)
        worstReference = Swift.max(worstReference, referenceError)
    }
    #expect(worst <= item.function.bound, "\(item): \(worst) ulp on the mpmath points")
    #expect(worstReference <= 0.01, "\(item.function): glibc's long double is \(worstReference) ulp off mpmath")
}

// The long-double reference is computed once per point and every level is measured against it.
@Test(arguments: measured)
private func staysWithinTheBoundOnTenMillionPoints(_ function: Measured) throws {
    let total = 10_000_000, block = 1 << 16
    let index = measured.firstIndex { $0.function == function.function } ?? 0
    var draws = Draws(state: 20_261_204 &* UInt64(index + 1))
    let kernels = VectorKernel.available
    var worst = [Double](repeating: 0, count: kernels.count), worstInput = worst
    var wrongSpecials = [Int](repeating: 0, count: kernels.count)
    var inputs = [Double](repeating: 0, count: block)
    var exact = [Float80](repeating: 0, count: block)
    for start in stride(from: 0, to: total, by: block) {
        let count = Swift.min(block, total - start)
        for i in 0..<count {
            // Even draws from the working range, odd ones as random bit patterns (whole range).
            inputs[i] = (start + i) & 1 == 0 ? function.working(draws.unit(), draws.sign()) : Double(bitPattern: draws.next())
            exact[i] = function.reference(Float80(inputs[i]))
        }
        let slice = Array(inputs[0..<count])
        for (k, kernel) in kernels.enumerated() {
            let results = apply(kernel, function.function, slice)
            for i in 0..<count {
                if let error = ulpError(results[i], exact: exact[i]) {
                    if error > worst[k] { (worst[k], worstInput[k]) = (error, inputs[i]) }
                } else if !sameResult(results[i], libm(function.function, inputs[i])) {
                    wrongSpecials[k] += 1
                }
            }
        }
    }
    for (k, kernel) in kernels.enumerated() {
        #expect(worst[k] <= function.bound, "\(function) \(kernel): \(worst[k]) ulp at \(worstInput[k])")
        #expect(wrongSpecials[k] == 0, "\(function) \(kernel): \(wrongSpecials[k]) non-finite results differ from libm")
    }
}

private let specialInputs: [Double] = [
    0, -0.0, .infinity, -.infinity, .nan, -.nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
    .leastNormalMagnitude, -.leastNormalMagnitude, Double.leastNormalMagnitude.nextDown, .greatestFiniteMagnitude,
    -.greatestFiniteMagnitude, 708, -708, 708.0.nextUp, -708.0.nextDown, 709.782712893384, 709.79, -745.1332191019411,
    -745.14, -708.3964185322641, 40, 40.0.nextUp, 22, 22.0.nextUp, 0x1p20, -0x1p20, 0x1p20.nextUp, 1e300, -1e300,
    .pi / 2, .pi, 1, -1, 0x1p-28, 0x1p-30, -0x1p-1060,
]

@Test(arguments: VectorKernel.available)
private func specialsComeOutAsLibmGivesThem(_ kernel: VectorKernel) {
    for function in measured.map(\.function) {
        // Every special in every lane position of a vector and in the tail.
        for shift in 0..<9 {
            let inputs = [Double](repeating: 0.5, count: shift) + specialInputs
            let results = apply(kernel, function, inputs)
            for (x, result) in zip(inputs, results) {
                let expected = libm(function, x)
                // Finite results may differ from libm's within the bound; the others must match.
                if expected.isFinite && result.isFinite && expected != 0 {
                    #expect((result - expected).magnitude <= 3 * ulp(expected), "\(function)(\(x)) at \(kernel)")
                } else {
                    #expect(sameResult(result, expected), "\(function)(\(x)) = \(result), libm \(expected) at \(kernel)")
                }
            }
        }
    }
}

@Test(arguments: VectorKernel.available)
private func powerAgreesWithTheMpmathReference(_ kernel: VectorKernel) throws {
    let table = try reference("pow")
    let rows = table.shape[0]
    let x = (0..<rows).map { table.scalars[4 * $0] }, y = (0..<rows).map { table.scalars[4 * $0 + 1] }
    let results = power(kernel, x, y)
    var worst = 0.0
    for row in 0..<rows {
        let rounded = table.scalars[4 * row + 2], rest = table.scalars[4 * row + 3]
        worst = Swift.max(worst, ulpError(results[row], rounded: rounded, restInUlps: rest))
    }
    #expect(worst <= 1, "pow at \(kernel): \(worst) ulp on the mpmath points")
}

@Test func powerStaysWithinTheBoundOnTenMillionPoints() {
    let total = 10_000_000, block = 1 << 16
    var draws = Draws(state: 77)
    let kernels = VectorKernel.available
    var worst = [Double](repeating: 0, count: kernels.count)
    var wrongSpecials = [Int](repeating: 0, count: kernels.count)
    var x = [Double](repeating: 0, count: block), y = x
    var exact = [Float80](repeating: 0, count: block)
    for start in stride(from: 0, to: total, by: block) {
        let count = Swift.min(block, total - start)
        for i in 0..<count {
            switch (start + i) % 4 {
            case 0:  // positive bases, exponents keeping the result mostly in range
                x[i] = Foundation.exp2(-60 + 120 * draws.unit())
                y[i] = (2 * draws.unit() - 1) * 760 / Swift.max(Foundation.log(x[i]).magnitude, 1e-3)
            case 1:  // negative bases, whole exponents
                x[i] = -Foundation.exp2(-10 + 20 * draws.unit())
                y[i] = (80 * draws.unit() - 40).rounded()
            case 2:  // near 1, large exponents
                x[i] = 1 + draws.sign() * Foundation.exp2(-50 + 48 * draws.unit())
                y[i] = draws.sign() * Foundation.exp2(50 * draws.unit())
            default:  // anything
                x[i] = Double(bitPattern: draws.next())
                y[i] = draws.next() & 1 == 0 ? Double(bitPattern: draws.next()) : (8 * draws.unit() - 4)
            }
            exact[i] = Foundation.pow(Float80(x[i]), Float80(y[i]))
        }
        let bases = Array(x[0..<count]), exponents = Array(y[0..<count])
        for (k, kernel) in kernels.enumerated() {
            let results = power(kernel, bases, exponents)
            for i in 0..<count {
                if let error = ulpError(results[i], exact: exact[i]) {
                    worst[k] = Swift.max(worst[k], error)
                } else if !sameResult(results[i], Foundation.pow(x[i], y[i])) {
                    wrongSpecials[k] += 1
                }
            }
        }
    }
    for (k, kernel) in kernels.enumerated() {
        #expect(worst[k] <= 1, "pow at \(kernel): \(worst[k]) ulp")
        #expect(wrongSpecials[k] == 0, "pow at \(kernel): \(wrongSpecials[k]) non-finite results differ from libm")
    }
}
