import Testing
@testable import Tensors

// Expected values computed with numpy 2; transcendental results agree to a few ulp, so the
// tolerance is 1e-15 relative. Reductions sum in a different order than numpy's pairwise
// summation, which on these short inputs changes at most the last bit: 1e-15 again.

private let y = makeTensor([2, 3], [3, -1, 7, 7, 2, -5])

@Test(arguments: [
    (Reduction.sum, 13.0, [10.0, 1, 2], [9.0, 4]),
    (.mean, 2.1666666666666665, [5, 0.5, 1], [3, 1.3333333333333333]),
    (.min, -5, [3, -1, -5], [-1, -5]),
    (.max, 7, [7, 2, 7], [7, 7]),
    (.argmax, 2, [1, 1, 0], [2, 0]),
    (.argmin, 5, [0, 0, 1], [1, 2]),
    (.norm, 11.704699910719626, [7.615773105863909, 2.23606797749979, 8.602325267042627],
     [7.681145747868608, 8.831760866327848]),
])
func reductionsMatchNumpy(reduction: Reduction, all: Double, axis0: [Double], axis1: [Double]) throws {
    #expect(isClose(try y.reduced(reduction, control: .fresh), [], [all], tolerance: 1e-15))
    #expect(isClose(try y.reduced(reduction, axis: 0, control: .fresh), [3], axis0, tolerance: 1e-15))
    #expect(isClose(try y.reduced(reduction, axis: -1, control: .fresh), [2], axis1, tolerance: 1e-15))
}

@Test func reductionsOfEmptyTensorsFollowNumpy() throws {
    let empty = makeTensor([0], [])
    #expect(try empty.reduced(.sum, control: .fresh) == Tensor(scalar: 0))
    #expect(try empty.reduced(.mean, control: .fresh).scalars[0].isNaN)
    #expect(throws: TensorError.self) { try empty.reduced(.max, control: .fresh) }
    #expect(throws: TensorError.self) { try y.reduced(.sum, axis: 2, control: .fresh) }
}

@Test func maxAndArgmaxPropagateNaN() throws {
    let x = makeTensor([4], [1, .nan, 9, .nan])
    #expect(try x.reduced(.max, control: .fresh).scalars[0].isNaN)
    #expect(try x.reduced(.argmax, control: .fresh) == Tensor(scalar: 1))
}

@Test func floorAndCeilMatchNumpyIncludingSignedZeros() throws {
    // np.floor / np.ceil of [-2.5, -0.5, -0.0, 0.5, 3.5, 1e300]: whole numbers, the sign of zero kept.
    let x = try makeTensor([6], [-2.5, -0.5, -0.0, 0.5, 3.5, 1e300])
    let floors = try x.applying(.floor, control: .fresh).scalars
    let ceilings = try x.applying(.ceil, control: .fresh).scalars
    #expect(floors.map(\.bitPattern) == [-3, -1, -0.0, 0, 3, 1e300].map(\.bitPattern))
    #expect(ceilings.map(\.bitPattern) == [-2, -0.0, -0.0, 1, 4, 1e300].map(\.bitPattern))
}

@Test func roundIsHalfToEven() throws {
    // np.round([0.5, 1.5, 2.5, -0.5, -1.5, 2.675])
    let rounded = try makeTensor([6], [0.5, 1.5, 2.5, -0.5, -1.5, 2.675]).applying(.round, control: .fresh)
    #expect(rounded == makeTensor([6], [0, 2, 2, -0.0, -2, 3]))
    // np.round([2.675, 1.005, 0.125], 2) and np.round([1234.5, 1250.], -2)
    #expect(try makeTensor([3], [2.675, 1.005, 0.125]).rounded(decimals: 2, control: .fresh) == makeTensor([3], [2.68, 1, 0.12]))
    #expect(try makeTensor([2], [1234.5, 1250]).rounded(decimals: -2, control: .fresh) == makeTensor([2], [1200, 1200]))
}

@Test func elementwiseFunctionsMatchNumpy() throws {
    let s = makeTensor([3], [-3, 0, 2])
    #expect(isClose(try s.applying(.sigmoid, control: .fresh), [3], [0.04742587317756678, 0.5, 0.8807970779778823], tolerance: 1e-15))
    #expect(isClose(try s.applying(.tanh, control: .fresh), [3], [-0.9950547536867305, 0, 0.9640275800758169], tolerance: 1e-15))
    #expect(try s.applying(.relu, control: .fresh) == makeTensor([3], [0, 0, 2]))
    #expect(try s.applying(.abs, control: .fresh) == makeTensor([3], [3, 0, 2]))
    #expect(try makeTensor([1], [-1000]).applying(.sigmoid, control: .fresh).scalars[0] == 0)
}

@Test func clipLimitsAndRejectsReversedBounds() throws {
    #expect(try makeTensor([3], [-1, 0.5, 3]).clipped(low: 0, high: 1, control: .fresh) == makeTensor([3], [0, 0.5, 1]))
    #expect(throws: TensorError.self) { try y.clipped(low: 1, high: 0, control: .fresh) }
    // np.clip([1, 2], np.nan, 1) is [nan, nan].
    #expect(try makeTensor([2], [1, 2]).clipped(low: .nan, high: 1, control: .fresh).scalars.allSatisfy(\.isNaN))
}

@Test func allcloseUsesTolerancePlusRelativeTerm() throws {
    let a = makeTensor([2], [1, 1000])
    #expect(try a.isClose(to: makeTensor([2], [1 + 5e-10, 1000 + 5e-7]), tolerance: 1e-9, control: .fresh))
    #expect(try !a.isClose(to: makeTensor([2], [1 + 5e-9, 1000]), tolerance: 1e-9, control: .fresh))
    #expect(try !makeTensor([1], [.nan]).isClose(to: makeTensor([1], [.nan]), tolerance: 1, control: .fresh))
    #expect(throws: TensorError.self) { try a.isClose(to: arangeTensor([3]), tolerance: 1, control: .fresh) }
}

@Test func sumsReproduceNumpyPairwiseBits() throws {
    // The inputs are random(3000, seed: 9) regenerated in Python by a transcription of the
    // generator; numpy's sums of them are pasted here. Equality is exact because `sum` follows
    // numpy's pairwise order; the norm over all elements uses BLAS dot in numpy, so 1e-15 there.
    var generator = RandomGenerator(seed: 9)
    let a = try Tensor.random([3000], using: &generator, control: .fresh)
    #expect(try a.reduced(.sum, control: .fresh) == Tensor(scalar: 1482.9694459733112))
    #expect(try a.reduced(.mean, control: .fresh) == Tensor(scalar: 0.4943231486577704))
    #expect(try a.subscripted([.slice(start: nil, stop: 1000, step: nil)], control: .fresh).reduced(.sum, control: .fresh) == Tensor(scalar: 488.60092079636365))
    let b = try a.reshaped([30, 100])
    let rows = try b.reduced(.sum, axis: 1, control: .fresh).subscripted([.slice(start: nil, stop: 3, step: nil)], control: .fresh)
    #expect(rows == makeTensor([3], [50.4179347951572, 48.8334067490132, 48.633038763875064]))
    let columns = try b.reduced(.sum, axis: 0, control: .fresh).subscripted([.slice(start: nil, stop: 3, step: nil)], control: .fresh)
    #expect(columns == makeTensor([3], [15.925328783529332, 16.382662838942615, 16.031160659622095]))
    let norms = try b.reduced(.norm, axis: 1, control: .fresh).subscripted([.slice(start: nil, stop: 2, step: nil)], control: .fresh)
    #expect(norms == makeTensor([2], [5.915119258934277, 5.676901515882824]))
    #expect(isClose(try a.reduced(.norm, control: .fresh), [], [31.368054340253252], tolerance: 1e-15))
}
