/// A compiled expression: computes its value against the session's evaluator and the frame
/// of the running call.
typealias ExpressionCode = (Evaluator, Frame) throws -> Value

/// A compiled statement: runs against the evaluator and the current frame, and says whether it
/// returned from the enclosing function.
typealias StatementCode = (Evaluator, Frame) throws -> Flow
