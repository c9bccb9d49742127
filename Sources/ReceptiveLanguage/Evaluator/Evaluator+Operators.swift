import Foundation
import Tensors

/// Binary operators on values: numbers, tensors (broadcasting), strings and sequences.
extension Evaluator {
    func combine(_ left: Value, _ operation: BinaryOperator, _ right: Value, at range: SourceRange) throws -> Value {
        switch (left, right) {
        case (.number(let lhs), .number(let rhs)) where operation != .matmul:
            return Evaluator.scalar(lhs, operation, rhs)
        case (.string(let lhs), .string(let rhs)):
            return try strings(lhs, operation, rhs, at: range)
        case (.tuple(let lhs), .tuple(let rhs)) where operation == .add:
            return try Value.tuple(lhs + rhs).checkedNesting(at: range)
        case (.list(let lhs), .list(let rhs)) where operation == .add:
            return try Value.list(lhs + rhs).checkedNesting(at: range)
        case (.sparse(let matrix), _) where operation == .matmul:
            return try catchingTensorErrors(at: range) { try Value.sparseProduct(matrix, right, control: control) }
        default:
            break
        }
        if let traced = try tracedCombine(left, operation, right, at: range) { return traced }
        if operation == .equal || operation == .notEqual, !isNumeric(left) || !isNumeric(right) {
            let same = Value.structurallyEqual(left, right)
            return .bool(operation == .equal ? same : !same)
        }
        guard isNumeric(left), isNumeric(right),
              let lhs = BoundArguments.tensor(from: left), let rhs = BoundArguments.tensor(from: right) else {
            throw RuntimeError.unsupportedOperands(operation.rawValue, left, right, at: range)
        }
        let result = try catchingTensorErrors(at: range) {
            operation == .matmul
                ? try lhs.matmul(rhs, control: control)
                : try lhs.combined(with: rhs, Evaluator.elementwise(operation), control: control)
        }
        return Value(tensor: result)
    }

    private func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .number, .tensor: return true
        default: return false
        }
    }

    private func strings(_ lhs: String, _ operation: BinaryOperator, _ rhs: String, at range: SourceRange) throws -> Value {
        switch operation {
        case .add:
            let length = lhs.unicodeScalars.count + rhs.unicodeScalars.count
            guard length <= Evaluator.maximumStringLength else {
                throw RuntimeError.stringTooLong(length, limit: Evaluator.maximumStringLength, at: range)
            }
            return .string(lhs + rhs)
        default:
            guard let result = Evaluator.compare(lhs, operation, rhs) else {
                throw RuntimeError.unsupportedOperands(operation.rawValue, .string(lhs), .string(rhs), at: range)
            }
            return .bool(result)
        }
    }

    /// Number-with-number arithmetic; comparisons give bools (`@` never reaches here).
    static func scalar(_ lhs: Double, _ operation: BinaryOperator, _ rhs: Double) -> Value {
        switch operation {
        case .add: return .number(lhs + rhs)
        case .subtract: return .number(lhs - rhs)
        case .multiply, .matmul: return .number(lhs * rhs)
        case .divide: return .number(lhs / rhs)
        case .floorDivide: return .number(BinaryOperation.flooredQuotient(lhs, rhs))
        case .remainder: return .number(BinaryOperation.flooredRemainder(lhs, rhs))
        case .power: return .number(pow(lhs, rhs))
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return .bool(compare(lhs, operation, rhs) ?? false)
        }
    }

    /// The comparison operators on any ordered type (numbers, strings); nil for the others.
    static func compare<Operand: Comparable>(_ lhs: Operand, _ operation: BinaryOperator, _ rhs: Operand) -> Bool? {
        switch operation {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        case .less: return lhs < rhs
        case .lessEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterEqual: return lhs >= rhs
        default: return nil
        }
    }

    static func elementwise(_ operation: BinaryOperator) -> BinaryOperation {
        switch operation {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply, .matmul: return .multiply
        case .divide: return .divide
        case .floorDivide: return .floorDivide
        case .remainder: return .remainder
        case .power: return .power
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        }
    }
}
