import Learning
import Tensors

/// Builds the value of a bracketed literal `[a, b, ...]` (docs/language.md#values).
///
/// Numbers and equally shaped tensors stack into a tensor one rank higher; anything else
/// (strings, bools, functions, ...) makes a list; numbers mixed with tensors, or tensors of
/// different shapes, are ragged and a ShapeError naming the first offending element.
enum TensorLiteral {
    /// The tensor or list for the evaluated elements; a tensor is checked against `control`'s cap.
    static func build(_ items: [Value], control: ExecutionControl, at range: SourceRange) throws -> Value {
        guard !items.isEmpty else { return .tensor(try tensor(shape: [0], scalars: [], control: control, at: range)) }
        guard items.allSatisfy(isNumeric) else { return try Value.list(items).checkedNesting(at: range) }
        let shapes = items.map(shape)
        for (position, itemShape) in shapes.enumerated() where itemShape != shapes[0] {
            throw RuntimeError.raggedLiteral(position: position, shape: describe(itemShape), firstShape: describe(shapes[0]), at: range)
        }
        if items.contains(where: \.isTracedValue) {
            // A literal of traced elements is a stack of them, so gradients reach each one.
            let operands = items.compactMap(\.operand)
            do {
                return Value(operand: try TensorOperand.stacked(operands, axis: 0, control: control))
            } catch let error as TensorError {
                throw RuntimeError(error, at: range)
            }
        }
        var scalars: [Double] = []
        for item in items {
            switch item {
            case .number(let number): scalars.append(number)
            case .tensor(let tensor): scalars.append(contentsOf: tensor.scalars)
            default: break
            }
        }
        return .tensor(try tensor(shape: [items.count] + shapes[0], scalars: scalars, control: control, at: range))
    }

    private static func tensor(shape: [Int], scalars: [Double], control: ExecutionControl,
                               at range: SourceRange) throws -> Tensor {
        do {
            try control.checkAllocation(scalars.count)
            return try Tensor(shape: shape, scalars: scalars)
        } catch let error as TensorError {
            throw RuntimeError(error, at: range)
        }
    }

    private static func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .number, .tensor, .traced: return true
        default: return false
        }
    }

    private static func shape(_ value: Value) -> [Int] {
        switch value {
        case .tensor(let tensor): return tensor.shape
        case .traced(let traced): return traced.value.shape
        default: return []
        }
    }

    private static func describe(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar (a number)" : Tensor.describe(shape)
    }
}
