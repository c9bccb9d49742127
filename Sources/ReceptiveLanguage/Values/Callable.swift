/// A function value a program can call: a builtin (`NativeCallable`) or a user-defined
/// function. Layers are called too (`layer(x)`), but they are `Value.layer`s applied by the
/// evaluator, not `Callable`s.
public protocol Callable: AnyObject, Sendable {
    /// The name shown in signatures, errors and `help`.
    var name: String { get }
    /// The parameters, in order, for binding positional and named arguments.
    var parameters: [Parameter] { get }
}

extension Callable {
    /// The signature as `help` shows it: `conv2d(x, w, stride: 1, padding: 0)`.
    public var signature: String {
        "\(name)(" + parameters.map(\.signatureText).joined(separator: ", ") + ")"
    }
}
