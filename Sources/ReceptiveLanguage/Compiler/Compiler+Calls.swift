/// Calls, including the special forms `del(x, y)` and `append(xs, v)`, which take variables
/// rather than values.
extension Compiler {
    /// Compiles `f(a, name: b)`: the callee (read in place when it is a variable), then the
    /// arguments in source order into fresh consecutive registers, where the callee's frame
    /// will find its parameters.
    /// `discard` says the value is not used (a call as a statement), so a special form need not
    /// write its none.
    func call(_ callee: Expression, _ arguments: [Argument], into target: Int32, at range: SourceRange,
              discard: Bool = false) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        var function = try place(callee)
        if function.variableRange != nil, arguments.contains(where: { Compiler.containsCall($0.value) }) {
            function = try materialize(function, at: callee.range)
        }
        if case .variable(let name) = callee.kind, let form = SpecialForm(name: name, arguments: arguments) {
            try special(form, function: function, arguments, into: target, at: range, discard: discard)
            return
        }
        try emitCall(function, arguments, into: target, at: range)
    }

    /// The arguments into fresh registers, then the call.
    private func emitCall(_ function: Place, _ arguments: [Argument], into target: Int32, at range: SourceRange) throws {
        let mark = builder.mark
        defer { builder.release(to: mark) }
        // The parser puts positional arguments first, so this keeps the source order.
        let first = try consecutive(arguments.map(\.value))
        let names = arguments.compactMap(\.name)
        if names.isEmpty {
            emit(Instruction(.call, target, function.operand, first, Int32(arguments.count)), at: range, reading: [function])
        } else {
            builder.callSites.append(CallSite(positionalCount: arguments.count - names.count, names: names))
            emit(Instruction(.callNamed, target, function.operand, first, Int32(builder.callSites.count - 1)), at: range,
                 reading: [function])
        }
    }

    /// A call compiled specially while its name means the builtin (checked when it runs; a
    /// variable of that name makes it an ordinary call).
    private enum SpecialForm {
        /// `del(x, y)`: removes the variables themselves.
        case delete
        /// `append(xs, v)`: adds to the variable's list or tensor in place.
        case append(String, SourceRange)

        init?(name: String, arguments: [Argument]) {
            switch name {
            case "del":
                self = .delete
            case "append":
                guard arguments.count == 2, arguments.allSatisfy({ $0.name == nil }),
                      case .variable(let variable) = arguments[0].value.kind else { return nil }
                self = .append(variable, arguments[0].value.range)
            default:
                return nil
            }
        }

        var builtinName: String {
            switch self {
            case .delete: return "del"
            case .append: return "append"
            }
        }
    }

    private func special(_ form: SpecialForm, function: Place, _ arguments: [Argument], into target: Int32,
                         at range: SourceRange, discard: Bool) throws {
        guard let builtin = Builtins.all[form.builtinName] else {
            try emitCall(function, arguments, into: target, at: range)
            return
        }
        switch form {
        case .delete:
            let general = emit(Instruction(.jumpUnlessBuiltin, function.operand, builder.constant(.function(builtin))),
                               at: range, reading: [function])
            for argument in arguments {
                guard argument.name == nil, case .variable(let name) = argument.value.kind else {
                    builder.emit(Instruction(.delete, -1), at: argument.range)
                    continue
                }
                builder.emit(Instruction(.delete, deletionSite(name, at: argument.range)), at: argument.range)
            }
            if !discard { builder.emit(Instruction(.copy, target, builder.constant(.none)), at: range) }
            let end = builder.emit(Instruction(.jump), at: range)
            builder.patch(general, \.c, to: builder.position)
            try emitCall(function, arguments, into: target, at: range)
            builder.patch(end, \.a, to: builder.position)
        case .append(let name, let nameRange):
            // One instruction checks the callee, appends and skips the general call, which
            // reuses the evaluated item (so it is evaluated once either way).
            let mark = builder.mark
            defer { builder.release(to: mark) }
            let item = try place(arguments[1].value)
            let append = emit(Instruction(.appendInPlace, site(name, at: nameRange), item.operand, function.operand), at: range,
                              reading: [item, function])
            let first = builder.allocate(2)
            try compile(arguments[0].value, into: first)
            emit(Instruction(.copy, first + 1, item.operand), at: arguments[1].range, reading: [item])
            emit(Instruction(.call, target, function.operand, first, 2), at: range, reading: [function])
            if discard {
                builder.patch(append, \.d, to: builder.position)
            } else {
                let end = builder.emit(Instruction(.jump), at: range)
                builder.patch(append, \.d, to: builder.position)
                builder.emit(Instruction(.copy, target, builder.constant(.none)), at: range)
                builder.patch(end, \.a, to: builder.position)
            }
        }
    }
}
