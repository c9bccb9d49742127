import Learning
import Tensors
import TextPlots

/// Every value a Receptive program can hold (docs/language.md#values).
///
/// The large, rarely used payloads are `indirect` so that a value stays two words and a tag:
/// the interpreter copies values on every operation.
public enum Value: Sendable {
    /// A Double; the language has no separate integer type.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A string of text.
    case string(String)
    /// The absence of a value.
    case none
    /// An N-d tensor of Double.
    case tensor(Tensor)
    /// An immutable sequence, `(a, b)`.
    case tuple([Value])
    /// A mixed sequence, `[1, "a", t]`.
    case list([Value])
    /// Named fields, from builtins such as `compare` or `timeit`.
    indirect case record(Record)
    /// A builtin or user-defined function.
    case function(any Callable)
    /// A rendered picture (heatmap, spy plot, diagram, chart).
    indirect case plot(Figure)
    /// A layer with its weights, shared by reference, callable on a tensor (`conv_layer(3)(x)`).
    case layer(TrainableLayer)
    /// A sequential model of layers and functions (`sequential`), shared by reference.
    case model(Model)
    /// An optimizer (`sgd`, `adam`) with its per-layer state, shared by reference.
    case optimizer(Optimizer)
    /// A sparse matrix (`connectivity`, `sharing`, `as_matrix`), with `shape`, `nnz`, `density`.
    indirect case sparse(SparseMatrix)
    /// Numbers counted lazily, from `range(...)`.
    indirect case range(NumberRange)
    /// An interactive control (`slider`, `dropdown`, `checkbox`, `play`), shared by reference.
    case control(Control)
    /// A tensor recorded on a gradient's tape (inside `grad`, `value_and_grad` and `train`);
    /// everywhere else it acts as the plain tensor (or number, at rank 0) it holds.
    indirect case traced(TracedTensor)

    /// The type's name as error messages and `inspect` show it: "a tensor", "a string", ...
    public var typeDescription: String {
        switch self {
        case .number: return "a number"
        case .bool: return "a bool"
        case .string: return "a string"
        case .none: return "none"
        case .tensor(let tensor): return "a tensor \(Tensor.describe(tensor.shape))"
        case .tuple: return "a tuple"
        case .list: return "a list"
        case .record: return "a record"
        case .function: return "a function"
        case .plot: return "a plot"
        case .layer(let layer): return "a layer (\(layer.name))"
        case .model: return "a model"
        case .optimizer: return "an optimizer"
        case .sparse(let matrix): return "a sparse matrix \(Tensor.describe(matrix.shape))"
        case .range: return "a range"
        case .control(let control): return "a control (\(control.kindName))"
        case .traced(let traced): return Value(tensor: traced.value).typeDescription
        }
    }
}
