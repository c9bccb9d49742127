import Foundation
import Tensors
import TestSupport

/// The reference cases `Fixtures/generate.py` wrote with torch.autograd.
enum TorchFixtures {
    typealias Malformed = MalformedFixture
    /// A tensor as stored; non-finite elements are the strings "nan", "inf" and "-inf".
    typealias StoredTensor = TestSupport.StoredTensor

    /// An option's value: a number, a string or a list of numbers (or of pairs).
    enum Option: Decodable {
        case number(Double)
        case text(String)
        case numbers([Double])
        case pairs([[Int]])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let numbers = try? container.decode([Double].self) {
                self = .numbers(numbers)
            } else {
                self = .pairs(try container.decode([[Int]].self))
            }
        }
    }

    /// One function of some inputs: its value, and the gradients of sum(value · r).
    struct Case: Decodable {
        let op: String
        let options: [String: Option]
        let inputs: [StoredTensor]
        let r: StoredTensor
        let value: StoredTensor
        let grads: [StoredTensor?]
        let scale: Double

        func integers(_ name: String) throws -> [Int] {
            switch options[name] {
            case .number(let value): return [Int(value)]
            case .numbers(let values): return values.map { Int($0) }
            default: throw Malformed(reason: "\(op): option \(name) is not a list of numbers")
            }
        }

        func number(_ name: String) throws -> Double {
            guard case .number(let value) = options[name] else { throw Malformed(reason: "\(op): option \(name) is not a number") }
            return value
        }
    }

    /// A fixture file: the tool that made it and the cases.
    struct File: Decodable {
        let reference: String
        let cases: [Case]
    }

    static func load(_ name: String) throws -> File {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Malformed(reason: "no fixture \(name).json in the test bundle")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(File.self, from: Data(contentsOf: url))
    }

    /// The largest difference between two tensors of one shape, where NaN matches only NaN and
    /// an infinity only the same infinity; nil when the shapes or the non-finite places differ.
    static func difference(_ a: Tensor, _ b: Tensor) -> Double? {
        guard a.shape == b.shape else { return nil }
        var largest = 0.0
        for (x, y) in zip(a.scalars, b.scalars) {
            if x.isNaN || y.isNaN {
                guard x.isNaN && y.isNaN else { return nil }
            } else if x.isInfinite || y.isInfinite {
                guard x == y else { return nil }
            } else {
                largest = max(largest, abs(x - y))
            }
        }
        return largest
    }
}
