import Foundation
import Testing
@testable import Tensors
import TestSupport

// Every C kernel of every level this CPU runs against the scalar Swift definitions
// (`BinaryOperation.apply`, `UnaryFunction.apply`, plain loops). Arithmetic, comparisons,
// min/max, remainder, floored division, abs, relu, round, floor, ceil, clip, copies and transposes are exact operations, so
// the results must be bit-identical (NaN for NaN); sums in another order and the vector pow
// are compared within reasoned bounds below. Lengths run through every tail length of every
// vector width, and the values hold NaN, infinities, signed zeros and subnormals.

/// Values that exercise every branch: signs, zeros, specials, subnormals, whole and half numbers.
private let awkward: [Double] = [
    0, -0.0, 1, -1, 2.5, -2.5, 0.5, -1.5, 3, 1e-310, -1e-310, .infinity, -.infinity, .nan,
    7.25, -7.75, 1e300, -1e300, 4, 0.1,
]

private func values(_ count: Int, seed: Int) -> [Double] {
    (0..<count).map { awkward[($0 * 7 + seed) % awkward.count] }
}

private func same(_ a: Double, _ b: Double) -> Bool { (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern }

private let lengths = Array(0...19) + [63, 64, 65, 1000]

private let exactOperations: [BinaryOperation] = [
    .add, .subtract, .multiply, .divide, .floorDivide, .remainder, .equal, .notEqual, .less, .lessEqual, .greater,
    .greaterEqual, .minimum, .maximum,
]

@Test(arguments: VectorKernel.available)
func binaryKernelsAreExactForEveryStepAndLength(_ kernel: VectorKernel) {
    for operation in exactOperations {
        for count in lengths {
            let a = values(Swift.max(count, 1), seed: 1), b = values(Swift.max(count, 1), seed: 4)
            for (aStep, bStep) in [(1, 1), (1, 0), (0, 1), (0, 0)] {
                var out = [Double](repeating: 42, count: count)
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        out.withUnsafeMutableBufferPointer { out in
                            if count > 0 {
                                kernel.combine(operation, a.baseAddress!, step: aStep, b.baseAddress!, step: bStep,
                                               into: out.baseAddress!, count: count)
                            }
                        }
                    }
                }
                for i in 0..<count {
                    let expected = operation.apply(a[i * aStep], b[i * bStep])
                    #expect(same(out[i], expected), "\(operation) \(kernel) steps \(aStep),\(bStep) #\(i): \(a[i * aStep]), \(b[i * bStep]) gave \(out[i]), expected \(expected)")
                }
            }
        }
    }
}

@Test(arguments: VectorKernel.available)
func powerWithABroadcastExponentTakesTheExactShortcuts(_ kernel: VectorKernel) {
    let x = values(37, seed: 2)
    for exponent in [2.0, 1, -1, 0, 3, 0.5, -2.5] {
        var out = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { a in
            withUnsafePointer(to: exponent) { b in
                out.withUnsafeMutableBufferPointer { out in
                    kernel.combine(.power, a.baseAddress!, step: 1, b, step: 0, into: out.baseAddress!, count: x.count)
                }
            }
        }
        for (value, result) in zip(x, out) {
            let expected = Foundation.pow(value, exponent)
            if [2.0, 1, -1, 0].contains(exponent) || !expected.isFinite || expected == 0 {
                // x·x, x, 1/x, 1 are pow's correctly rounded results; specials come from libm.
                #expect(same(result, exponent == 2 ? value * value : expected), "\(value) ** \(exponent) at \(kernel)")
            } else {
                #expect((result - expected).magnitude <= 2 * expected.magnitude.ulp, "\(value) ** \(exponent) at \(kernel)")
            }
        }
    }
}

@Test(arguments: VectorKernel.available)
func exactUnaryKernelsAndClipMatchTheScalarDefinitions(_ kernel: VectorKernel) {
    for count in lengths {
        let x = values(count, seed: 3)
        for function in [UnaryFunction.abs, .relu, .round, .floor, .ceil, .sqrt] {
            var out = [Double](repeating: 0, count: count)
            x.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { out in
                    if count > 0 { kernel.apply(function, x.baseAddress!, out.baseAddress!, count: count) }
                }
            }
            for i in 0..<count {
                #expect(same(out[i], function.apply(x[i])), "\(function)(\(x[i])) at \(kernel)")
            }
        }
        var clipped = [Double](repeating: 0, count: count)
        x.withUnsafeBufferPointer { x in
            clipped.withUnsafeMutableBufferPointer { out in
                if count > 0 { kernel.clip(x.baseAddress!, out.baseAddress!, count: count, low: -2, high: 3) }
            }
        }
        for i in 0..<count {
            let expected = x[i].isNaN ? x[i] : Swift.min(Swift.max(x[i], -2), 3)
            #expect(same(clipped[i], expected), "clip(\(x[i])) at \(kernel)")
        }
    }
}

@Test(arguments: VectorKernel.available)
func foldsAndReductionsAgreeWithScalarLoops(_ kernel: VectorKernel) {
    for count in lengths where count > 0 {
        // Finite values for the sums (their order differs); NaN placed anywhere for min and max.
        let finite = (0..<count).map { Double(($0 * 37) % 23) - 11.5 }
        let sum = finite.withUnsafeBufferPointer { kernel.reduce(.sum, $0.baseAddress!, count: count) }
        #expect(sum == finite.reduce(0, +), "sum of \(count) at \(kernel)")  // integers and halves: exact
        let squares = finite.withUnsafeBufferPointer { kernel.reduce(.sumOfSquares, $0.baseAddress!, count: count) }
        #expect(squares == finite.reduce(0) { $0 + $1 * $1 }, "squares of \(count) at \(kernel)")
        for nanAt in [nil, 0, count / 2, count - 1] as [Int?] {
            var x = finite
            if let nanAt { x[nanAt] = .nan }
            let low = x.withUnsafeBufferPointer { kernel.reduce(.minimum, $0.baseAddress!, count: count) }
            let high = x.withUnsafeBufferPointer { kernel.reduce(.maximum, $0.baseAddress!, count: count) }
            #expect(nanAt == nil ? low == x.min()! : low.isNaN, "min at \(kernel), NaN at \(String(describing: nanAt))")
            #expect(nanAt == nil ? high == x.max()! : high.isNaN, "max at \(kernel), NaN at \(String(describing: nanAt))")
        }
        // Folding rows: seven rows after the first in one call (a pass of four, then three one
        // by one), stored with a gap after each, against the column-wise scalar fold. Sums must
        // give the scalar loop's bits: the kernel adds each column's rows in row order.
        let rows = [values(count, seed: 5), values(count, seed: 9), finite, values(count, seed: 2),
                    values(count, seed: 7), Array(finite.reversed()), values(count, seed: 11), values(count, seed: 3)]
        let stride = count + 3
        let stored = rows.flatMap { $0 + [.nan, .nan, .nan] }
        for fold in [VectorKernel.Fold.minimum, .maximum, .sum, .sumOfSquares] {
            var accumulator = rows[0]
            stored.withUnsafeBufferPointer { stored in
                accumulator.withUnsafeMutableBufferPointer {
                    kernel.fold(fold, rows: stored.baseAddress! + stride, rowStride: stride, rowCount: rows.count - 1,
                                into: $0.baseAddress!, count: count)
                }
            }
            for column in 0..<count {
                var expected = rows[0][column]
                for row in rows.dropFirst() {
                    let x = row[column]
                    switch fold {
                    case .sum: expected += x
                    case .sumOfSquares: expected += x * x
                    case .minimum, .maximum:
                        if fold == .minimum ? (x < expected || x.isNaN) : (x > expected || x.isNaN) { expected = x }
                    }
                }
                #expect(same(accumulator[column], expected), "\(fold) column \(column) at \(kernel)")
            }
        }
    }
}

@Test(arguments: VectorKernel.available)
func argumentFoldsKeepTheFirstOfEqualsAndTheFirstNaN(_ kernel: VectorKernel) {
    let rows: [[Double]] = [[1, 5, .nan, 2, 0, 3, 3, 1, 9], [4, 5, 1, .nan, 0, 7, 2, 1, 9], [4, 6, 7, 8, .nan, 7, 3, 2, .nan]]
    let count = rows[0].count
    for largest in [true, false] {
        var best = rows[0], index = [Double](repeating: 0, count: count)
        for (rowIndex, row) in rows.enumerated().dropFirst() {
            row.withUnsafeBufferPointer { row in
                best.withUnsafeMutableBufferPointer { best in
                    index.withUnsafeMutableBufferPointer { index in
                        kernel.foldArg(largest: largest, row: row.baseAddress!, rowIndex: rowIndex, best: best.baseAddress!,
                                       index: index.baseAddress!, count: count)
                    }
                }
            }
        }
        for column in 0..<count {
            let line = rows.map { $0[column] }
            let reduction: Reduction = largest ? .argmax : .argmin
            let expected = line.withUnsafeBufferPointer { reduction.reduce($0, base: 0, count: line.count) }
            #expect(index[column] == expected, "arg \(largest) column \(column) at \(kernel)")
        }
    }
}

@Test(arguments: VectorKernel.available)
func transposeKernelMovesEveryElement(_ kernel: VectorKernel) {
    for (rows, columns) in [(1, 1), (1, 9), (9, 1), (7, 13), (8, 8), (16, 24), (65, 70), (130, 3)] {
        let source = (0..<(rows * columns)).map(Double.init)
        var destination = [Double](repeating: -1, count: rows * columns)
        source.withUnsafeBufferPointer { s in
            destination.withUnsafeMutableBufferPointer { d in
                kernel.transpose(s.baseAddress!, stride: columns, rows: rows, columns: columns, into: d.baseAddress!, stride: rows)
            }
        }
        let expected = (0..<(rows * columns)).map { Double(($0 % rows) * columns + $0 / rows) }
        #expect(destination == expected, "\(rows)×\(columns) at \(kernel)")
    }
}

@Test(arguments: VectorKernel.available)
func softmaxRowsMatchTheStableFormula(_ kernel: VectorKernel) {
    for length in [1, 3, 8, 17, 1000] {
        let rows = 3
        var x = (0..<(rows * length)).map { sin(Double($0) * 0.7) * 30 }
        x[length] = -.infinity  // a term that vanishes
        for logarithm in [false, true] {
            var y = [Double](repeating: 0, count: x.count)
            x.withUnsafeBufferPointer { x in
                y.withUnsafeMutableBufferPointer { y in
                    kernel.softmax(logarithm: logarithm, x.baseAddress!, y.baseAddress!, rows: rows, length: length)
                }
            }
            for row in 0..<rows {
                let line = Array(x[(row * length)..<((row + 1) * length)])
                let peak = line.max()!
                let total = line.reduce(0.0) { $0 + exp($1 - peak) }
                for (i, value) in line.enumerated() {
                    let expected = logarithm ? value - peak - log(total) : exp(value - peak) / total
                    let got = y[row * length + i]
                    // Terms of e^(x − m) within 1 ulp each; a sum of ≤ 1000 of them within 1000 ulp.
                    let bound = 1e-13 * Swift.max(1, expected.magnitude)
                    #expect(same(got, expected) || (got - expected).magnitude <= bound,
                            "\(logarithm ? "log_softmax" : "softmax") row \(row) #\(i) of \(length) at \(kernel): \(got) vs \(expected)")
                }
            }
        }
    }
}

#if canImport(Glibc)
@Test func theAllocatorPolicyAppliesOnGlibc() {
    // Without it every 2048² result was a fresh mmap, zero-filled page by page (see AllocatorPolicy).
    #expect(AllocatorPolicy.keepLargeBuffersInTheHeap())
}
#endif

/// numpy's `pairwise_sum_DOUBLE` transcribed as it reads (one leaf at a time, scalar lanes):
/// the definition the C kernel, which sums four leaves at once in vectors, must match bit for bit.
private func numpyPairwise(_ x: ArraySlice<Double>, squares: Bool) -> Double {
    let term = { (v: Double) in squares ? v * v : v }
    let count = x.count, start = x.startIndex
    if count < 8 {
        var total = 0.0
        for v in x { total += term(v) }
        return total
    }
    if count <= 128 {
        var r = (0..<8).map { term(x[start + $0]) }
        var i = 8
        while i < count - count % 8 {
            for j in 0..<8 { r[j] += term(x[start + i + j]) }
            i += 8
        }
        var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < count {
            total += term(x[start + i])
            i += 1
        }
        return total
    }
    let half = count / 2 - (count / 2) % 8
    return numpyPairwise(x[start..<(start + half)], squares: squares)
        + numpyPairwise(x[(start + half)...], squares: squares)
}

@Test(arguments: VectorKernel.available)
func pairwiseSumKernelAddsInNumpysOrder(_ kernel: VectorKernel) {
    // Values of widely different magnitudes, so that any other order of the additions shows in
    // the bits; every length to 600 (leaves, runs of 2–8 leaves of uneven lengths, recursion
    // above 512) and a few long ones.
    var generator = SystemRandomNumberGenerator()
    for count in Array(0...600) + [1000, 4096, 4099, 65_537, 100_003] {
        let x = (0..<count).map { _ in Double.random(in: -1...1) * pow(2, Double.random(in: -30...30, using: &generator)) }
        for squares in [false, true] {
            let sum = x.withUnsafeBufferPointer { kernel.pairwiseSum($0.baseAddress!, count: count, squares: squares) }
            let expected = numpyPairwise(x[...], squares: squares)
            #expect(sum.bitPattern == expected.bitPattern, "\(count) squares \(squares) at \(kernel)")
        }
    }
    // Specials propagate as additions do.
    for special in [Double.nan, .infinity, -.infinity] {
        var x = [Double](repeating: 1, count: 300)
        x[217] = special
        let sum = x.withUnsafeBufferPointer { kernel.pairwiseSum($0.baseAddress!, count: 300, squares: false) }
        #expect(same(sum, 299 + special), "\(special) at \(kernel)")
    }
}

@Test func longSumsSplitOverTheCoresKeepTheSerialBits() throws {
    // From PairwiseSum.parallelCount on, the run is split into subtrees of numpy's recursion
    // summed in parallel: the bits must be those of the serial sum, for even and odd lengths.
    var generator = SystemRandomNumberGenerator()
    for count in [PairwiseSum.parallelCount - 1, PairwiseSum.parallelCount, 1 << 20, 1_000_003, 3 << 19 + 5] {
        let x = (0..<count).map { _ in Double.random(in: -1...1) * pow(2, Double.random(in: -20...20, using: &generator)) }
        let tensor = Tensor(validatedShape: [count], scalars: x)
        for reduction in [Reduction.sum, .mean, .norm] {
            let expected = reduction.finish(0 + numpyPairwise(x[...], squares: reduction == .norm), count: count)
            let result = try tensor.reduced(reduction, control: .fresh).scalars[0]
            #expect(result.bitPattern == expected.bitPattern, "\(reduction) of \(count)")
        }
    }
}

@Test(arguments: VectorKernel.available)
func unaryKernelsGiveTheSameBitsInPlaceAndAcrossBlocks(_ kernel: VectorKernel) {
    // The unary loop runs blocks of 256 elements and redoes a block's special lanes (NaN,
    // infinities, overflow: `awkward` holds them all) with libm after the block; in place, the
    // block's results wait in a buffer so that its inputs survive until then. Lengths straddle
    // the block and the vector widths; the specials must come out as libm's wherever they sit.
    for count in [1, 7, 9, 255, 256, 257, 263, 600, 1029] {
        let x = values(count, seed: 5).enumerated().map { $0.element * (1 + Double($0.offset % 5) / 7) }
        for function in [UnaryFunction.exp, .tanh, .sigmoid, .log, .sin, .cos] {
            var out = [Double](repeating: 0, count: count)
            x.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { out in
                    kernel.apply(function, x.baseAddress!, out.baseAddress!, count: count)
                }
            }
            var inPlace = x
            inPlace.withUnsafeMutableBufferPointer { y in
                kernel.apply(function, y.baseAddress!, y.baseAddress!, count: count)
            }
            for i in 0..<count {
                #expect(same(inPlace[i], out[i]), "\(function)(\(x[i])) in place at \(kernel), #\(i) of \(count)")
                if !x[i].isFinite || Swift.abs(x[i]) > 700 {
                    let expected = LibmReference.value(function, x[i])
                    #expect(same(out[i], expected), "\(function)(\(x[i])) at \(kernel): \(out[i]), expected \(expected)")
                }
            }
        }
    }
}

