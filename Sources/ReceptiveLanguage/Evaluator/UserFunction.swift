/// A function defined with `fn` in a program.
///
/// A body sees its own parameters and locals, then the session's globals; defaults are
/// evaluated once, when the function is defined.
final class UserFunction: Callable {
    /// The name it was defined with.
    let name: String
    /// Its parameters, with defaults already evaluated.
    let parameters: [Parameter]
    /// The statements of its body.
    let body: [Statement]
    /// The text of the cell that defined it, which the body's source ranges point into.
    let source: String

    /// Creates a function from its declaration, evaluated defaults and defining cell.
    init(name: String, parameters: [Parameter], body: [Statement], source: String) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.source = source
    }
}
