import Testing
@testable import Tensors

// The window model against brute force: every rule of `WindowAxis` (output count, forward map,
// inverse map, inside ranges, tap counts) is checked on random axes by enumerating positions,
// and the fills against `pad` (numpy's modes), which is written independently of windows.

/// Random axes, every fill, small enough to enumerate.
private func randomAxes(count: Int, seed: UInt64) -> [WindowAxis] {
    var random = LayerTestRandom(seed: seed)
    var axes: [WindowAxis] = []
    while axes.count < count {
        let fill = PaddingMode.allCases[random.integer(0...3)]
        let axis = WindowAxis(input: random.integer(1...9), kernel: random.integer(1...4), stride: random.integer(1...3),
                              dilation: random.integer(1...3),
                              padding: Padding(before: random.integer(0...5), after: random.integer(0...5)), fill: fill)
        if let axis { axes.append(axis) }
    }
    return axes
}

@Test func outputCountIsTheNumberOfWindowsThatFit() {
    var random = LayerTestRandom(seed: 131)
    for _ in 0..<2000 {
        let (input, kernel, stride, dilation) = (random.integer(1...12), random.integer(1...5), random.integer(1...4), random.integer(1...3))
        let padding = Padding(before: random.integer(0...4), after: random.integer(0...4))
        let padded = input + padding.before + padding.after
        let fits = (0..<padded).filter { $0 % stride == 0 && $0 + dilation * (kernel - 1) < padded }.count
        let axis = WindowAxis(input: input, kernel: kernel, stride: stride, dilation: dilation, padding: padding)
        #expect(axis?.output ?? 0 == fits, "n \(input) k \(kernel) s \(stride) d \(dilation) \(padding)")
    }
}

@Test func sourceReadsWhatPadWritesAtThatPosition() throws {
    for axis in randomAxes(count: 400, seed: 132) {
        // Input values 1…n, so 0 in the padded tensor means "a zero of the padding".
        let values = makeTensor([axis.input], (1...axis.input).map(Double.init))
        let padded = try values.padded([(axis.padding.before, axis.padding.after)], mode: axis.fill, control: .fresh)
        for output in 0..<axis.output {
            for tap in 0..<axis.kernel {
                let position = axis.position(output: output, tap: tap)
                let expected = padded.scalars[position + axis.padding.before]
                let read = axis.source(output: output, tap: tap).map { Double($0 + 1) } ?? 0
                #expect(read == expected, "\(axis) output \(output) tap \(tap)")
            }
        }
    }
}

@Test func readersAreExactlyThePairsThatReadAnInput() {
    for axis in randomAxes(count: 400, seed: 133) {
        var expected: [Int: [[Int]]] = [:]
        for output in 0..<axis.output {
            for tap in 0..<axis.kernel {
                if let input = axis.source(output: output, tap: tap) { expected[input, default: []].append([output, tap]) }
            }
        }
        for input in 0..<axis.input {
            let readers = axis.readers(ofInput: input).map { [$0.output, $0.tap] }
            #expect(readers.sorted { $0.lexicographicallyPrecedes($1) } == (expected[input] ?? []).sorted { $0.lexicographicallyPrecedes($1) },
                    "\(axis) input \(input)")
        }
    }
}

@Test func insideRangesAndCountsMatchEnumeration() throws {
    for axis in randomAxes(count: 400, seed: 134) {
        let inside = { (output: Int, tap: Int) in (0..<axis.input).contains(axis.position(output: output, tap: tap)) }
        for tap in 0..<axis.kernel {
            #expect(Array(axis.outputsInside(tap: tap)) == (0..<axis.output).filter { inside($0, tap) }, "\(axis)")
        }
        for output in 0..<axis.output {
            #expect(Array(axis.tapsInside(output: output)) == (0..<axis.kernel).filter { inside(output, $0) }, "\(axis)")
        }
        let reads = { (output: Int, tap: Int) in axis.source(output: output, tap: tap) != nil }
        let taps = (0..<axis.output).map { output in (0..<axis.kernel).filter { reads(output, $0) }.count }
        let counts = try axis.insideCounts(control: .fresh)
        #expect(counts.taps == taps.reduce(0, +) && counts.outputs == taps.filter { $0 > 0 }.count, "\(axis)")
    }
}

@Test func samePaddingKeepsTheSizeWithTheOddUnitWhereEachLibraryPutsIt() throws {
    // torch's padding="same" puts the odd unit after, scipy's mode="same" before.
    #expect(Padding.same(reach: 1, extraUnitBefore: false) == Padding(before: 0, after: 1))
    #expect(Padding.same(reach: 1, extraUnitBefore: true) == Padding(before: 1, after: 0))
    #expect(Padding.same(reach: 4, extraUnitBefore: true) == Padding(before: 2, after: 2))
    for kernel in 1...6 {
        for dilation in 1...3 {
            let options = WindowOptions(padding: .same, dilation: [dilation])
            let window = try options.window(kernelShape: [kernel], name: "test")
            #expect(try window.axes(input: [7], name: "test")[0].output == 7)
            #expect(SignalMode.same.padding(input: 7, kernel: kernel).before == kernel / 2)
        }
    }
    #expect(throws: TensorError.invalidArgument("test: padding \"same\" needs stride 1 (as in torch), found stride 2")) {
        try WindowOptions(stride: [2], padding: .same).window(kernelShape: [3], name: "test")
    }
}

@Test func windowOptionsNameTheOperationAndTheArgument() throws {
    #expect(throws: TensorError.invalidArgument("pool_layer: stride must be at least 1, found 0")) {
        try WindowOptions(stride: [0]).window(kernelShape: [2, 2], name: "pool_layer")
    }
    #expect(throws: TensorError.invalidArgument("conv_layer: dilation takes one value or a pair, found 3 values")) {
        try WindowOptions(dilation: [1, 2, 3]).window(kernelShape: [2, 2], name: "conv_layer")
    }
    #expect(throws: TensorError.invalidArgument("tiled: padding takes one (before, after) pair per axis (2), found 1")) {
        try WindowOptions(padding: .pairs([.symmetric(1)])).window(kernelShape: [2, 2], name: "tiled")
    }
    let window = try WindowOptions(padding: .widths([1])).window(kernelShape: [5], name: "conv_layer")
    #expect(throws: TensorError.shapeMismatch(
        "conv_layer: the kernel spans 5 but the padded input is only 4; use a smaller kernel, or more padding")) {
        try window.axes(input: [2], name: "conv_layer")
    }
}
