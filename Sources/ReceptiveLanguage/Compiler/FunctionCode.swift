/// The compiled body of a user function and the layout of its frame.
///
/// A session is used from one thread at a time (see `Session`), and so is the code it
/// compiles; that is what makes the unchecked conformance sound for the closures inside.
final class FunctionCode: @unchecked Sendable {
    /// The function's locals; its parameters come first.
    let layout: LocalLayout
    /// The statements of the body.
    let body: StatementCode

    /// Creates compiled code from a layout and a body compiled against it.
    init(layout: LocalLayout, body: @escaping StatementCode) {
        self.layout = layout
        self.body = body
    }
}
