import Testing
import Tensors
@testable import Learning

private typealias Check = GradientCheck

@Test(arguments: [BinaryOperation.add, .subtract, .multiply, .divide, .power, .remainder])
func arithmeticWithBroadcasting(_ operation: BinaryOperation) throws {
    // Positive bases for ** (so that x^y and ln x are defined); divisors away from 0, and for %
    // quotients away from whole numbers, where the remainder jumps.
    let a = Check.random([2, 3, 4], seed: 1, in: 0.5...2)
    let b = Check.random([3, 1], seed: 2, in: 0.7...1.9)
    for (x, y) in [(a, b), (b, a)] {
        try Check.check([x, y]) { inputs, control in
            try Check.project(inputs[0].combined(with: inputs[1], operation, control: control), control: control)
        }
    }
}

/// Every differentiable function (round, floor and ceil are constants: their gradient is zero,
/// which the golden script checks, and their finite differences are 0 or infinite).
@Test(arguments: UnaryFunction.allCases.filter { ![.round, .floor, .ceil].contains($0) })
func elementwiseFunctions(_ function: UnaryFunction) throws {
    // Inputs away from 0, where abs and relu have kinks; positive for sqrt and log.
    let range: ClosedRange<Double> = function == .sqrt || function == .log ? 0.3...3 : 0.2...2
    var x = Check.random([3, 5], seed: 3, in: range)
    if function != .sqrt && function != .log {
        x = try x.combined(with: Check.random([3, 5], seed: 4, in: 0...1).map { $0 < 0.5 ? -1 : 1 }, .multiply,
                           control: ExecutionControl())
    }
    try Check.check([x]) { inputs, control in
        try Check.project(inputs[0].applying(function, control: control), control: control)
    }
}

@Test func clipPassesTheGradientInsideTheRange() throws {
    try Check.check([Check.random([4, 4], seed: 5)]) { inputs, control in
        try Check.project(inputs[0].clipped(low: -0.95, high: 1.05, control: control), control: control)
    }
}

@Test(arguments: [([3, 4], [4, 2]), ([3, 4], [4]), ([4], [4, 2]), ([4], [4]), ([2, 3, 4], [4, 5]),
                  ([2, 1, 3, 4], [3, 4, 2]), ([4], [2, 4, 3]), ([2, 3, 4], [4]), ([3, 4], [2, 4, 2])])
func matrixProducts(_ shapes: ([Int], [Int])) throws {
    let a = Check.random(shapes.0, seed: 6), b = Check.random(shapes.1, seed: 7)
    try Check.check([a, b]) { inputs, control in
        try Check.project(inputs[0].matmul(inputs[1], control: control), control: control)
    }
}

@Test(arguments: [Reduction.sum, .mean, .max, .min, .norm])
func reductions(_ reduction: Reduction) throws {
    let x = Check.random([3, 4, 2], seed: 8)
    for axis in [nil, 0, 1, -1] as [Int?] {
        try Check.check([x]) { inputs, control in
            try Check.project(inputs[0].reduced(reduction, axis: axis, control: control), control: control)
        }
    }
}

@Test func movements() throws {
    let x = Check.random([3, 4], seed: 9)
    let y = Check.random([3, 4], seed: 10)
    let cases: [(String, ([TensorOperand], ExecutionControl) throws -> TensorOperand)] = [
        ("reshape", { i, _ in try i[0].reshaped([2, 6]) }),
        ("transpose", { i, c in try i[0].transposed(control: c) }),
        ("broadcast", { i, c in try i[0].broadcast(to: [2, 3, 4], control: c) }),
        ("slice", { i, c in try i[0].subscripted([.slice(start: nil, stop: nil, step: -2), .index(1)], control: c) }),
        ("element", { i, c in try i[0].subscripted([.index(2), .index(-1)], control: c) }),
        ("stack", { i, c in try TensorOperand.stacked([i[0], i[1], i[0]], axis: 1, control: c) }),
        ("concat", { i, c in try TensorOperand.concatenated([i[1], i[0]], axis: -1, control: c) }),
        ("pad zero", { i, c in try i[0].padded([(1, 2), (0, 1)], mode: .zero, control: c) }),
        ("pad reflect", { i, c in try i[0].padded([(2, 1), (3, 2)], mode: .reflect, control: c) }),
        ("pad edge", { i, c in try i[0].padded([(2, 1), (3, 2)], mode: .edge, control: c) }),
        ("pad wrap", { i, c in try i[0].padded([(4, 1), (3, 5)], mode: .wrap, control: c) }),
        ("crop", { i, c in try i[0].cropped([(1, 0), (1, 2)], control: c) }),
        ("flip", { i, c in try i[0].flipped(axes: [1], control: c) }),
        ("shift", { i, c in try i[0].shifted(by: [1, -2], axes: [0, 1], control: c) }),
        ("roll", { i, c in try i[0].rolled(by: [5], axes: [1], control: c) }),
    ]
    for (name, move) in cases {
        try Check.check([x, y], label: name) { inputs, control in
            let moved = try move(inputs, control)
            // Square the moved elements so that an element copied twice gets twice the gradient.
            return try Check.project(moved.combined(with: moved, .multiply, control: control), control: control)
        }
    }
}

@Test func aVariableUsedTwiceAddsItsGradients() throws {
    try Check.check([Check.random([2, 3], seed: 11)]) { inputs, control in
        let x = inputs[0]
        let y = try x.applying(.tanh, control: control).combined(with: x, .multiply, control: control)
        return try y.combined(with: x.reduced(.sum, axis: 0, control: control), .add, control: control)
            .reduced(.sum, control: control)
    }
}
