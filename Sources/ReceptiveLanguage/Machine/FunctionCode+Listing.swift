/// A readable listing of compiled code, for tests and for looking at what the compiler wrote.
extension FunctionCode {
    /// One line per instruction: position, operation and operands (`r3` a register, `g:name` a
    /// global, `k:value` a constant), then the functions defined inside, indented.
    var listing: String {
        var lines = ["\(name): \(registerCount) registers, locals \(localNames), environment \(environmentNames)"]
        for position in 0..<instructionCount {
            let instruction = instructions[position]
            let operands = instruction.operation.hasImmediate
                ? [describe(instruction.a), describe(instruction.b), "#" + Value.number(instruction.immediate).resultText]
                : [instruction.a, instruction.b, instruction.c, instruction.d].map(describe)
            lines.append("\(position): \(instruction.operation) " + operands.joined(separator: " "))
        }
        for prototype in prototypes {
            lines += prototype.code.listing.split(separator: "\n").map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ operand: Int32) -> String {
        if operand >= 0 { return "r\(operand)" }
        let index = Int(~operand)
        guard index < externalGlobals.count else { return "\(operand)" }
        if let global = externalGlobals[index] { return "g:\(global.name)" }
        return "k:" + (externals[index].pointee?.resultText ?? "?")
    }
}

extension Operation {
    /// Whether operands `c` and `d` hold a number (`Instruction.immediate`).
    var hasImmediate: Bool {
        switch self {
        case .addConstant, .subtractConstant, .multiplyConstant, .divideConstant, .jumpUnlessLessConstant, .jumpUnlessLessEqualConstant,
             .jumpUnlessGreaterConstant, .jumpUnlessGreaterEqualConstant, .jumpUnlessEqualConstant, .jumpUnlessNotEqualConstant:
            return true
        default:
            return false
        }
    }
}
