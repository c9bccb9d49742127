/// The input units that affect one output unit through a stack of layers (figure 9.4), found
/// by walking the connections down from the top, plus each layer's receptive-field extent.
public struct ReceptiveField: Sendable, Equatable {
    /// One level of the stack: the input (level 0) or a layer's output.
    public struct Level: Sendable, Equatable {
        /// "input" or the layer's summary.
        public let name: String
        /// The units' shape at this level.
        public let shape: [Int]
        /// The input extent one unit of this level sees, per spatial axis
        /// (r = r₋₁ + (k − 1)·d·j₋₁); nil once a dense layer has made it the whole input.
        public let extent: [Int]?
        /// How many units of this level affect the chosen top unit.
        public let affecting: Int
    }

    /// The chosen output unit's coordinates in the top level's shape.
    public let at: [Int]
    /// 1 where an input unit affects the chosen output, 0 elsewhere; shaped like the input.
    public let mask: Tensor
    /// The smallest box holding the affecting input units: one range per input axis (empty
    /// when none affects it, which only zero padding can cause).
    public let ranges: [ClosedRange<Int>]
    /// The input, then each layer's output, bottom to top.
    public let levels: [Level]

    /// Traces output unit `at` (nil = the middle unit) of `stack` applied to inputs of shape
    /// `input`; every level's units are checked against `control`'s cap.
    public init(stack: [Layer], input: [Int], at: [Int]?, control: ExecutionControl) throws {
        guard !stack.isEmpty else {
            throw TensorError.invalidArgument("receptive_field needs at least one layer")
        }
        var shapes = [input]
        var enumerators: [ConnectionEnumerator] = []
        for layer in stack {
            enumerators.append(try ConnectionEnumerator(layer, input: shapes[shapes.count - 1]))
            shapes.append(try layer.outputShape(input: shapes[shapes.count - 1]))
        }
        let top = shapes[shapes.count - 1]
        let chosen = try at.map { try ReceptiveField.check($0, in: top) } ?? top.map { $0 / 2 }
        for shape in shapes { try control.checkAllocation(try Tensor.elementCount(of: shape)) }
        var marks = [Bool](repeating: false, count: try Tensor.elementCount(of: top))
        marks[zip(chosen, Tensor.strides(for: top)).reduce(0) { $0 + $1.0 * $1.1 }] = true
        var counts = [1]
        for (level, connections) in enumerators.enumerated().reversed() {
            marks = try ReceptiveField.propagate(marks, through: connections, below: shapes[level], control: control)
            counts.insert(marks.reduce(0) { $0 + ($1 ? 1 : 0) }, at: 0)
        }
        self.at = chosen
        mask = Tensor(validatedShape: input, scalars: marks.map { $0 ? 1 : 0 })
        ranges = ReceptiveField.boundingBox(marks, shape: input)
        let extents = ReceptiveField.extents(stack, spatialRank: input.count)
        levels = (0..<shapes.count).map { index in
            Level(name: index == 0 ? "input" : stack[index - 1].summary, shape: shapes[index],
                  extent: extents[index], affecting: counts[index])
        }
    }

    private static func check(_ at: [Int], in shape: [Int]) throws -> [Int] {
        guard at.count == shape.count, zip(at, shape).allSatisfy({ $0 >= 0 && $0 < $1 }) else {
            throw TensorError.indexOutOfRange(
                "at: \(at) is not a unit of the top layer's output \(Tensor.describe(shape)); "
                + "give one 0-based index per axis")
        }
        return at
    }

    private static func propagate(_ marks: [Bool], through connections: ConnectionEnumerator,
                                  below shape: [Int], control: ExecutionControl) throws -> [Bool] {
        // A dense layer links any marked output to every input; skip its m × n walk.
        if connections.isFullyConnected {
            return [Bool](repeating: marks.contains(true), count: try Tensor.elementCount(of: shape))
        }
        var result = [Bool](repeating: false, count: try Tensor.elementCount(of: shape))
        for (output, marked) in marks.enumerated() where marked {
            if output % 4096 == 0 { try control.checkInterrupt() }
            connections.forEachConnection(of: output) { input, _ in result[input] = true }
        }
        return result
    }

    private static func boundingBox(_ marks: [Bool], shape: [Int]) -> [ClosedRange<Int>] {
        let strides = Tensor.strides(for: shape)
        var low = shape.map { $0 }
        var high = shape.map { _ in -1 }
        for (index, marked) in marks.enumerated() where marked {
            for axis in shape.indices {
                let coordinate = index / strides[axis] % shape[axis]
                low[axis] = min(low[axis], coordinate)
                high[axis] = max(high[axis], coordinate)
            }
        }
        guard high.allSatisfy({ $0 >= 0 }) else { return [] }
        return zip(low, high).map { $0...$1 }
    }

    /// Classic receptive-field extents per level over the input's trailing spatial axes.
    private static func extents(_ stack: [Layer], spatialRank inputRank: Int) -> [[Int]?] {
        let rank = stack.lazy.compactMap { layer -> Int? in
            switch layer {
            case .convolution(let convolution): return convolution.window.spatialRank
            case .pooling(let pooling): return pooling.window.spatialRank
            case .dense: return nil
            }
        }.first ?? inputRank
        var extent: [Int]? = Array(repeating: 1, count: rank)
        var jump = Array(repeating: 1, count: rank)
        var result: [[Int]?] = [extent]
        for layer in stack {
            let window: Window?
            switch layer {
            case .convolution(let convolution): window = convolution.window
            case .pooling(let pooling): window = pooling.window
            case .dense: window = nil
            }
            if let window, let current = extent, window.spatialRank == rank {
                extent = (0..<rank).map { current[$0] + window.reach($0) * jump[$0] }
                jump = (0..<rank).map { jump[$0] * window.stride[$0] }
            } else {
                extent = nil
            }
            result.append(extent)
        }
        return result
    }
}
