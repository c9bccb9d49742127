/// The compiled body of a user function and the layout of its frame.
///
/// A session is used from one thread at a time (see `Session`), and so is the code it
/// compiles; that is what makes the unchecked conformance sound for the closures inside.
final class FunctionCode: @unchecked Sendable {
    /// The function's locals; its parameters come first.
    let layout: LocalLayout
    /// The statements of the body.
    let body: StatementCode
    /// The stack a call needs free to run the body (nested calls check for themselves).
    let stackReserve: UInt

    /// Creates compiled code from a layout, a body compiled against it, and the body's stack need.
    init(layout: LocalLayout, body: @escaping StatementCode, stackReserve: UInt) {
        self.layout = layout
        self.body = body
        self.stackReserve = stackReserve
    }
}
