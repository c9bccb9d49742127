import Foundation
import Tensors

extension Builtins {
    /// Conversions between numbers and text (docs/language.md#numbers-and-text): `int float str`.
    static var conversions: [Builtin] {
        [int, float, str]
    }

    private static let int = Builtin(
        "int", [Parameter("x")],
        summary: "x as a whole number, rounded towards zero: int(2.7) is 2, int(-2.7) is -2, int(\"42\") is 42.",
        details: "A tensor is converted elementwise. A string must spell a whole number; int(float(s)) truncates other numbers."
    ) { arguments, _ in
        switch arguments.value("x") {
        case .number(let number):
            return .number(try whole(number, arguments))
        case .bool(let flag):
            return .number(flag ? 1 : 0)
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let number = Double(trimmed), number.isFinite, number == number.rounded(.towardZero),
                  trimmed.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }) else {
                throw arguments.valueError("x", "is \(Value.quoted(text)), which is not a whole number; int(float(s)) truncates a number")
            }
            return .number(number)
        case .tensor(let tensor):
            for number in tensor.scalars { _ = try whole(number, arguments) }
            return .tensor(try Tensor(shape: tensor.shape, scalars: tensor.scalars.map { $0.rounded(.towardZero) }))
        case let other:
            throw arguments.typeError("x", expected: "a number, a bool, a string or a tensor", found: other)
        }
    }

    private static func whole(_ number: Double, _ arguments: BoundArguments) throws -> Double {
        guard number.isFinite else {
            throw arguments.valueError("x", "is \(Value.format(number)), which has no whole number")
        }
        return number.rounded(.towardZero)
    }

    private static let float = Builtin(
        "float", [Parameter("x")],
        summary: "x as a number: float(\"2.5\") is 2.5, float(true) is 1; numbers and tensors stay as they are.",
        details: "A string may also spell inf, -inf or nan, as in Python."
    ) { arguments, _ in
        switch arguments.value("x") {
        case .number, .tensor: return arguments.value("x")
        case .bool(let flag): return .number(flag ? 1 : 0)
        case .string(let text):
            guard let number = Double(text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw arguments.valueError("x", "is \(Value.quoted(text)), which is not a number")
            }
            return .number(number)
        case let other:
            throw arguments.typeError("x", expected: "a number, a bool, a string or a tensor", found: other)
        }
    }

    private static let str = Builtin(
        "str", [Parameter("x")],
        summary: "x as text, as print shows it: str(2.5) is \"2.5\", str(\"a\") is \"a\".",
        details: "Strings join with +: \"step \" + str(i)."
    ) { arguments, context in
        .string(arguments.value("x").printedText(options: context.renderOptions))
    }
}
