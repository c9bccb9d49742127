/// An operand of an arithmetic operator as compiled: variables and literals are kept apart
/// from other code so that number-by-number arithmetic can read them in place, without
/// copying a `Value` or calling a closure.
enum Operand {
    /// A literal written in the source.
    case literal(Value)
    /// A variable, and where it is written (for a NameError).
    case variable(VariableReference, SourceRange)
    /// Anything else.
    case code(ExpressionCode)

    /// The operand's number when reading it runs no code: a number literal, or a variable that
    /// holds a number in its own scope. Nil means "evaluate it the general way".
    @inline(__always)
    func number(in frame: Frame) -> Double? {
        switch self {
        case .literal(.number(let number)): return number
        case .variable(let reference, _): return reference.number(in: frame)
        case .literal, .code: return nil
        }
    }

    /// The operand's value, evaluated the general way.
    @inline(__always)
    func value(_ evaluator: Evaluator, _ frame: Frame) throws -> Value {
        switch self {
        case .literal(let value):
            return value
        case .variable(let reference, let range):
            if let value = reference.value(in: frame) { return value }
            throw evaluator.undefinedName(reference.name, in: frame, at: range)
        case .code(let code):
            return try code(evaluator, frame)
        }
    }
}
