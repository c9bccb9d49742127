/// Subscript components: `t[i, a:b:s]`.
extension Compiler {
    /// Compiles subscript components into code computing their positions and slice bounds.
    func compile(_ components: [IndexComponent]) -> (Evaluator, Frame) throws -> [IndexValue] {
        let codes = components.map(compile)
        return { evaluator, frame in try codes.map { try $0(evaluator, frame) } }
    }

    private func compile(_ component: IndexComponent) -> (Evaluator, Frame) throws -> IndexValue {
        switch component {
        case .single(let expression):
            let code = compile(expression)
            let range = expression.range
            return { evaluator, frame in
                .position(try evaluator.wholeNumber(try code(evaluator, frame), at: range, role: "an index"))
            }
        case .slice(let start, let stop, let step):
            let bounds = (sliceBound(start, role: "a slice bound"), sliceBound(stop, role: "a slice bound"),
                          sliceBound(step, role: "a slice step"))
            return { evaluator, frame in
                .slice(start: try bounds.0(evaluator, frame), stop: try bounds.1(evaluator, frame),
                       step: try bounds.2(evaluator, frame))
            }
        }
    }

    /// A slice bound; a missing bound or `none` (as in Python) takes the default.
    private func sliceBound(_ expression: Expression?, role: String) -> (Evaluator, Frame) throws -> Int? {
        guard let expression else { return { _, _ in nil } }
        let code = compile(expression)
        let range = expression.range
        return { evaluator, frame in
            let value = try code(evaluator, frame)
            if case .none = value { return nil }
            return try evaluator.wholeNumber(value, at: range, role: role)
        }
    }
}
