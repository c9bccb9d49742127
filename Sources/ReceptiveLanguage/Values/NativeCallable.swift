/// A callable implemented in Swift (a builtin, or a value such as a layer that can be applied).
public protocol NativeCallable: Callable {
    /// Runs the callable with arguments already bound to its parameters.
    func invoke(_ arguments: BoundArguments, context: any BuiltinContext) throws -> Value
}
