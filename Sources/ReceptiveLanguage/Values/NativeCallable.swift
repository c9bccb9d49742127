/// A callable implemented in Swift: every `Builtin`. The evaluator binds the arguments to its
/// parameters and calls `invoke`; user functions run compiled code instead.
public protocol NativeCallable: Callable {
    /// Runs the callable with arguments already bound to its parameters.
    func invoke(_ arguments: BoundArguments, context: any BuiltinContext) throws -> Value
}
