import Tensors

/// The evaluator's error messages in one place: each says what was expected and what was found.
extension RuntimeError {
    /// A name that is not defined, with the nearest defined name when there is a close one.
    static func undefinedName(_ name: String, suggestion: String?, at range: SourceRange) -> RuntimeError {
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return RuntimeError(.name, "name '\(name)' is not defined\(hint)", at: range)
    }

    /// A field the value does not have.
    static func unknownField(_ name: String, of value: Value, valid: [String], suggestion: String?, at range: SourceRange) -> RuntimeError {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        let fields = valid.isEmpty ? "; it has no fields" : "; valid fields: " + valid.joined(separator: ", ")
        return RuntimeError(.name, "\(value.typeDescription) has no field '\(name)'\(hint)\(fields)", at: range)
    }

    /// An `if` condition that is not a bool.
    static func notACondition(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "expected a bool condition, found \(value.typeDescription)", at: range)
    }

    /// `and`/`or` with an operand that is not a bool.
    static func logicalOperand(_ keyword: String, _ value: Value, side: String, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "'\(keyword)' expects bools, found \(value.typeDescription) on the \(side)", at: range)
    }

    /// `-x` on something that is not numeric.
    static func cannotNegate(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "cannot negate \(value.typeDescription); expected a number or a tensor", at: range)
    }

    /// `not x` on something that is not a bool.
    static func notOperand(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "'not' expects a bool, found \(value.typeDescription)", at: range)
    }

    /// A binary operator on operand types it does not accept.
    static func unsupportedOperands(_ symbol: String, _ left: Value, _ right: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "unsupported operand types for '\(symbol)': \(left.typeDescription) and \(right.typeDescription)", at: range)
    }

    /// A `for` loop over something that has no items.
    static func notIterable(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "cannot iterate over \(value.typeDescription); expected a tensor, a list, a tuple or a string", at: range)
    }

    /// A call of something that is not a function.
    static func notCallable(_ value: Value, at range: SourceRange?) -> RuntimeError {
        RuntimeError(.type, "\(value.typeDescription) is not callable; expected a function", at: range)
    }

    /// A layer called with other than one tensor.
    static func layerCall(found: String, at range: SourceRange?) -> RuntimeError {
        RuntimeError(.type, "a layer is called with one tensor, like layer(x); found \(found)", at: range)
    }

    /// User functions calling each other too deeply.
    static func callDepth(_ limit: Int, in function: String) -> RuntimeError {
        RuntimeError(.limit, "calls nested deeper than \(limit) levels in '\(function)'; is the recursion missing a base case?")
    }

    /// A cell whose syntax nests deeper than the evaluator can run.
    static func syntaxTooDeep(limit: Int) -> RuntimeError {
        RuntimeError(.limit, "the cell nests operators, calls and brackets more than \(limit) levels deep; split it into steps")
    }

    /// A call that would overflow the stack: deep recursion through deeply nested expressions.
    static func stackExhausted(in function: String) -> RuntimeError {
        RuntimeError(.limit, "calls of '\(function)' nest too deeply for the stack; recurse less deeply")
    }

    /// A cell whose syntax nests too deeply for the stack left to compile it.
    static let compileStackExhausted = RuntimeError(
        .limit, "the cell nests operators, calls and brackets too deeply to compile with the stack left; split it into steps")

    /// `del` given something other than variable names.
    static func deleteExpectsNames(at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "del() expects variable names, like del(x, y)", at: range)
    }

    /// `del` of a name that is not defined.
    static func deleteUndefined(_ name: String, at range: SourceRange) -> RuntimeError {
        RuntimeError(.name, "name '\(name)' is not defined, so it cannot be deleted", at: range)
    }

    /// An index or slice bound that is not a whole number.
    static func notWholeNumber(_ value: Value, role: String, at range: SourceRange) -> RuntimeError {
        if case .number = value {
            return RuntimeError(.value, "expected a whole number as \(role), found \(value.resultText)", at: range)
        }
        return RuntimeError(.type, "expected a whole number as \(role), found \(value.typeDescription)", at: range)
    }

    /// Indexing a value that has no elements.
    static func notIndexable(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "cannot index \(value.typeDescription); expected a tensor, a list, a tuple or a string", at: range)
    }

    /// Assigning into elements of a value that cannot change.
    static func notAssignable(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "cannot assign into elements of \(value.typeDescription); expected a tensor or a list", at: range)
    }

    /// Storing a non-numeric value into a tensor.
    static func notStorable(_ value: Value, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "cannot store \(value.typeDescription) into a tensor; expected a number or a tensor", at: range)
    }

    /// A string grown past the limit.
    static func stringTooLong(_ length: Int, limit: Int, at range: SourceRange) -> RuntimeError {
        RuntimeError(.limit, "a string of \(length) characters exceeds the limit of \(limit)", at: range)
    }

    /// A sequence index outside the sequence.
    static func sequenceIndex(_ position: Int, count: Int, at range: SourceRange?) -> RuntimeError {
        RuntimeError(.index, "index \(position) is out of range for a sequence of length \(count)", at: range)
    }

    /// A slice with step 0.
    static func zeroStep(at range: SourceRange?) -> RuntimeError {
        RuntimeError(.value, "slice step cannot be zero", at: range)
    }

    /// A list, tuple or string indexed with more than one component.
    static func sequenceTakesOneIndex(found count: Int, at range: SourceRange) -> RuntimeError {
        RuntimeError(.index, "a sequence takes one index, found \(count)", at: range)
    }

    /// A list element assigned through a slice or several indices.
    static func listElementAssignment(at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "a list element is assigned with one whole-number index, like l[0] = v", at: range)
    }

    /// A bracketed literal whose elements do not share one shape.
    static func raggedLiteral(position: Int, shape: String, firstShape: String, at range: SourceRange) -> RuntimeError {
        RuntimeError(.shape, "ragged tensor literal: element [\(position)] has shape \(shape) but element [0] has shape \(firstShape); every element must have the same shape",
                     at: range)
    }

    /// A required argument that was not given.
    static func missingArgument(_ parameter: String, of callee: any Callable) -> RuntimeError {
        RuntimeError(.type, "\(callee.name)() is missing the argument '\(parameter)'; its signature is \(callee.signature)")
    }

    /// A named argument that matches no parameter.
    static func unknownArgument(_ name: String, of callee: any Callable, valid: String) -> RuntimeError {
        RuntimeError(.type, "\(callee.name)() has no parameter named '\(name)'; valid names: \(valid)")
    }

    /// An argument given twice (by position and by name, or twice by name).
    static func duplicateArgument(_ name: String, of callee: any Callable, valid: String) -> RuntimeError {
        RuntimeError(.type, "\(callee.name)() got two values for '\(name)'; valid names: \(valid)")
    }

    /// More positional arguments than the callee takes.
    static func tooManyPositional(_ given: Int, accepted: Int, of callee: any Callable) -> RuntimeError {
        let noun = accepted == 1 ? "argument" : "arguments"
        return RuntimeError(.type, "\(callee.name)() takes \(accepted) positional \(noun) but \(given) were given; its signature is \(callee.signature)")
    }

    /// Lists or tuples nested past the limit.
    static func nestedTooDeeply(_ depth: Int, limit: Int, at range: SourceRange?) -> RuntimeError {
        RuntimeError(.limit, "lists or tuples nested \(depth) levels deep exceed the limit of \(limit)", at: range)
    }

    /// `evaluateExpression` given statements instead of one expression.
    static func notASingleExpression(statementCount: Int) -> RuntimeError {
        let found = statementCount == 1 ? "a statement" : "\(statementCount) statements"
        return RuntimeError(.syntax, "expected a single expression, found \(found)")
    }

    /// Taking apart a value that has no items: `a, b = 3`.
    static func cannotUnpack(_ value: Value, into count: Int, at range: SourceRange) -> RuntimeError {
        RuntimeError(.type, "cannot unpack \(value.typeDescription) into \(count) names; expected a tuple, a list, a tensor, a string or a range", at: range)
    }

    /// Taking apart a value with another number of items than names.
    static func unpackCount(expected: Int, found: Int, at range: SourceRange) -> RuntimeError {
        RuntimeError(.value, "expected \(expected) values to unpack, found \(found)", at: range)
    }

    /// `append` to something that is not a list or a tensor of rank ≥ 1.
    static func cannotAppend(to value: Value, at range: SourceRange) -> RuntimeError {
        let hint = if case .tuple = value { "; a tuple cannot change, make a list with [...] instead" } else { "" }
        return RuntimeError(.type, "append: expected a list or a tensor of rank ≥ 1 to add to, found \(value.typeDescription)\(hint)", at: range)
    }

    /// `append` of a number or tensor whose shape differs from the tensor's items.
    static func raggedAppend(_ item: Value, to tensor: Tensor, at range: SourceRange) -> RuntimeError {
        let itemShape = if case .tensor(let row) = item { Tensor.describe(row.shape) } else { "scalar (a number)" }
        let rows = tensor.rank == 1 ? "scalar (a number)" : Tensor.describe(Array(tensor.shape.dropFirst()))
        return RuntimeError(.shape, "append: the new item has shape \(itemShape) but the items of \(Value.tensor(tensor).typeDescription) have shape \(rows); every item must have the same shape", at: range)
    }

    /// `append(f(), v)`: append changes a variable, so it needs one.
    static let appendNeedsVariable = RuntimeError(.type, "append() adds to a variable in place; its first argument must be a variable name, like append(xs, v)")

    /// A state the compiler never produces (reported rather than trusted, so a bug in the
    /// compiler cannot crash the kernel).
    static let internalInconsistency = RuntimeError(.value, "internal error: the compiled code is inconsistent; please report this cell")

    /// `input()` where the front end cannot read input.
    static let noInput = RuntimeError(.io, "input: no input is available in this context")
}
