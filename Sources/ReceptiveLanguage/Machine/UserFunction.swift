/// A function defined with `fn` in a program, named or anonymous.
///
/// A body sees its own parameters and locals, then the variables of the functions it is
/// written in (by reference, through the environment it captured), then the session's
/// globals; defaults are evaluated once, when the function is defined.
final class UserFunction: Callable {
    /// The name it was defined with (`fn` for an anonymous function).
    let name: String
    /// Whether it was written as `fn(...)` without a name.
    let isAnonymous: Bool
    /// Its parameters, with defaults already evaluated.
    let parameters: [Parameter]
    /// How many parameters it has (read on every call).
    let parameterCount: Int
    /// Its compiled body and frame layout; `code.source` is the defining cell's text.
    let code: FunctionCode
    /// The variables of the enclosing function that the body reads, captured where the
    /// definition ran; nil when it needs none.
    let environment: Environment?
    /// `code` and `environment` without reference counting, for calls (this function holds
    /// them, and the callee's slot holds this function while it runs; see `Machine.Frame`).
    let codeHandle: Unmanaged<FunctionCode>
    let environmentHandle: Unmanaged<Environment>?

    /// Creates a function from its evaluated parameters, compiled body and captured environment.
    init(name: String, isAnonymous: Bool, parameters: [Parameter], code: FunctionCode, environment: Environment?) {
        self.name = name
        self.isAnonymous = isAnonymous
        self.parameters = parameters
        parameterCount = parameters.count
        self.code = code
        self.environment = environment
        codeHandle = .passUnretained(code)
        environmentHandle = environment.map { .passUnretained($0) }
    }

    /// The text of the cell that defined it, which the body's source ranges point into.
    var source: String { code.source }

    /// `callable` as a user function, when it is one: a comparison of its class, cheaper on a
    /// call's hot path than a dynamic cast.
    @inline(__always)
    static func exactly(_ callable: any Callable) -> UserFunction? {
        type(of: callable) == UserFunction.self ? unsafeDowncast(callable as AnyObject, to: UserFunction.self) : nil
    }
}
