import Tensors

/// What compiled expressions need at run time: unary operators and error ranges.
extension Evaluator {
    /// `-x` and `not x`.
    func unary(_ operation: UnaryOperator, _ value: Value, at range: SourceRange) throws -> Value {
        switch (operation, value) {
        case (.negate, .number(let number)): return .number(-number)
        case (.negate, .tensor(let tensor)): return .tensor(tensor.map { -$0 })
        case (.negate, .traced(let traced)): return try tracedNegation(traced, at: range)
        case (.not, .bool(let flag)): return .bool(!flag)
        case (.negate, _):
            throw RuntimeError.cannotNegate(value, at: range)
        case (.not, _):
            throw RuntimeError.notOperand(value, at: range)
        }
    }

    /// Runs `body`, turning a TensorError into a RuntimeError at `range`.
    func catchingTensorErrors<T>(at range: SourceRange?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TensorError {
            throw RuntimeError(error, at: range)
        } catch var error as RuntimeError {
            if error.range == nil, let range { error.range = range }
            throw error
        } catch {
            // Other errors come from the front end (reading input), so they are I/O errors.
            throw RuntimeError(.io, "\(error)", at: range)
        }
    }
}
