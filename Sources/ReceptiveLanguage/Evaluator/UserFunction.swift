/// A function defined with `fn` in a program.
///
/// A body sees its own parameters and locals, then the session's globals; defaults are
/// evaluated once, when the function is defined.
final class UserFunction: Callable {
    /// The name it was defined with.
    let name: String
    /// Its parameters, with defaults already evaluated.
    let parameters: [Parameter]
    /// Its compiled body and frame layout.
    let code: FunctionCode
    /// The text of the cell that defined it, which the body's source ranges point into.
    let source: String

    /// Creates a function from its evaluated parameters, compiled body and defining cell.
    init(name: String, parameters: [Parameter], code: FunctionCode, source: String) {
        self.name = name
        self.parameters = parameters
        self.code = code
        self.source = source
    }
}
