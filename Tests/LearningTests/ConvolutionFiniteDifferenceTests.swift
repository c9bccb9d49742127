import Testing
import Tensors
@testable import Learning

private typealias Check = GradientCheck

/// conv2d with every option: input, weight and bias each checked by central differences.
@Test(arguments: [
    (ConvolutionOptions(), false),
    (ConvolutionOptions(stride: [2], padding: .widths([1])), true),
    (ConvolutionOptions(stride: [2, 1], padding: .pairs([Padding(before: 2, after: 0), Padding(before: 1, after: 3)]),
                        dilation: [1, 2]), true),
    (ConvolutionOptions(padding: .same, dilation: [2], groups: 2), false),
    (ConvolutionOptions(stride: [3], padding: .widths([2]), dilation: [2], groups: 2), true),
])
func conv2dGradients(_ options: ConvolutionOptions, _ batched: Bool) throws {
    let x = Check.random(batched ? [2, 4, 7, 8] : [4, 7, 8], seed: 20)
    let w = Check.random([6, 4 / options.groups, 3, 2], seed: 21)
    let b = Check.random([6], seed: 22)
    try Check.check([x, w, b]) { inputs, control in
        try Check.project(TensorOperand.convolution(inputs[0], weight: inputs[1], bias: inputs[2], spatialRank: 2,
                                                    options: options, control: control), control: control)
    }
}

@Test(arguments: [
    ConvolutionOptions(),
    ConvolutionOptions(stride: [2], padding: .widths([3]), dilation: [2]),
    ConvolutionOptions(padding: .same, groups: 3),
])
func conv1dGradients(_ options: ConvolutionOptions) throws {
    let x = Check.random([2, 3, 11], seed: 23)
    let w = Check.random([3, 3 / options.groups, 4], seed: 24)
    try Check.check([x, w]) { inputs, control in
        try Check.project(TensorOperand.convolution(inputs[0], weight: inputs[1], bias: nil, spatialRank: 1,
                                                    options: options, control: control), control: control)
    }
}

@Test(arguments: SignalMode.allCases)
func signalConvolutionGradients(_ mode: SignalMode) throws {
    let shapes: [([Int], [Int])] = [([9], [3]), ([4], [6]), ([5, 6], [2, 3]), ([3, 3], [4, 5]), ([6, 5], [3, 2])]
    for (inputShape, kernelShape) in shapes {
        // scipy's valid mode needs one operand to cover the other on every axis.
        if mode == .valid, inputShape == [6, 5] || inputShape == [5, 6] && kernelShape == [4, 5] { continue }
        let x = Check.random(inputShape, seed: 25), k = Check.random(kernelShape, seed: 26)
        for flips in [false, true] {
            try Check.check([x, k], label: "\(mode) \(inputShape) \(kernelShape) flips \(flips)") { inputs, control in
                try Check.project(TensorOperand.signalCorrelation(inputs[0], inputs[1], mode: mode, flipsKernel: flips,
                                                                  control: control), control: control)
            }
        }
    }
}

@Test(arguments: [PoolingLayer.Kind.max, .average])
func poolingGradients(_ kind: PoolingLayer.Kind) throws {
    // Random elements have no ties, so max pooling's choice is unambiguous.
    let x = Check.random([2, 3, 7, 6], seed: 27)
    for (size, stride, padding) in [([2], nil, [0]), ([3, 2], [2, 1], [1, 0]), ([3], [1], [1])] as [([Int], [Int]?, [Int])] {
        try Check.check([x], label: "\(kind) \(size) \(String(describing: stride)) \(padding)") { inputs, control in
            try Check.project(inputs[0].pooled(kind, spatialRank: 2, size: size, stride: stride, padding: padding,
                                               control: control), control: control)
        }
    }
    try Check.check([Check.random([3, 9], seed: 28)]) { inputs, control in
        try Check.project(inputs[0].pooled(kind, spatialRank: 1, size: [3], stride: [2], padding: [1],
                                           control: control), control: control)
    }
}

@Test(arguments: [PoolingLayer.Kind.max, .average])
func adaptivePoolingGradients(_ kind: PoolingLayer.Kind) throws {
    // 7 → 3 and 6 → 4 overlap neighbouring windows (n does not divide L); 6 → 2 does not.
    for (shape, output) in [([2, 3, 7, 6], [3, 4]), ([3, 6], [2]), ([5, 6], [1, 1]), ([7], [3])] {
        try Check.check([Check.random(shape, seed: 31)], label: "\(kind) \(shape) → \(output)") { inputs, control in
            try Check.project(inputs[0].adaptivePooled(to: output, kind: kind, control: control), control: control)
        }
    }
}

/// torch's picks where finite differences cannot look: ties go to the first maximum, NaN to the
/// last, and overlapping windows add into the element they share.
@Test func adaptivePoolingTiesAndOverlaps() throws {
    func gradient(_ scalars: [Double], _ kind: PoolingLayer.Kind, _ g: [Double]) throws -> [Double] {
        let control = ExecutionControl()
        let tape = Tape(control: control)
        let leaf = tape.leaf(try Tensor(shape: [scalars.count], scalars: scalars))
        let y = try TensorOperand.traced(leaf).adaptivePooled(to: [g.count], kind: kind, control: control)
        let loss = try y.combined(with: .plain(Tensor(shape: [g.count], scalars: g)), .multiply, control: control)
            .reduced(.sum, control: control)
        guard case .traced(let traced) = loss else {
            Issue.record("the loss is not traced")
            return []
        }
        return try tape.gradients(of: traced, withRespectTo: [leaf])[0].scalars
    }
    // Windows of 5 → 2: positions 0..<3 and 2..<5, sharing position 2.
    #expect(try gradient([1, 3, 3, 2, 3], .max, [1, 10]) == [0, 1, 10, 0, 0])
    #expect(try gradient([3, 0, 3, 0, 0], .average, [3, 6]) == [1, 1, 3, 2, 2])
    #expect(try gradient([.nan, 1, .nan], .max, [1]) == [0, 0, 1])
    #expect(try gradient([-.infinity, -.infinity], .max, [1]) == [1, 0])
}
