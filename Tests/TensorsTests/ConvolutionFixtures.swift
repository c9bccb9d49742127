import Foundation
@testable import Tensors
import TestSupport

/// The reference cases written by `Fixtures/convolution/generate.py` (scipy and torch semantics).
enum ConvolutionFixtures {
    typealias Malformed = MalformedFixture
    typealias StoredTensor = TestSupport.StoredTensor

    /// `padding` as stored: a string ("same", "valid") or numbers.
    enum StoredPadding: Decodable {
        case named(String)
        case numbers([Int])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .named(name)
            } else {
                self = .numbers(try container.decode([Int].self))
            }
        }

        /// The padding as the tensor API takes it.
        func padding() throws -> WindowPadding {
            switch self {
            case .named("same"): return .same
            case .named("valid"): return .valid
            case .named(let name): throw Malformed(reason: "unknown padding \(name)")
            case .numbers(let values): return .widths(values)
            }
        }
    }

    /// One scipy.signal case: a result, or `error` when scipy raises.
    struct SignalCase: Decodable {
        let function: String
        let mode: String
        let x: StoredTensor
        let k: StoredTensor
        let expected: StoredTensor?
        let scale: Double?
        let error: String?
    }

    /// One torch.nn.functional case (convolution or pooling).
    struct LayerCase: Decodable {
        let function: String
        let x: StoredTensor
        let w: StoredTensor?
        let bias: StoredTensor?
        let stride: [Int]?
        let padding: StoredPadding?
        let dilation: [Int]?
        let groups: Int?
        let size: [Int]?
        let expected: StoredTensor?
        let scale: Double?
        let error: String?
    }

    /// A fixture file: where its expected values came from, and the cases.
    struct File<Case: Decodable>: Decodable {
        let reference: String
        let cases: [Case]
    }

    /// Loads `Fixtures/convolution/<name>.json` from the test bundle.
    static func load<Case: Decodable>(_ name: String, as type: Case.Type) throws -> File<Case> {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json",
                                          subdirectory: "Fixtures/convolution") else {
            throw Malformed(reason: "Fixtures/convolution/\(name).json is not in the test bundle")
        }
        return try JSONDecoder().decode(File<Case>.self, from: Data(contentsOf: url))
    }

    /// The largest absolute difference, or infinity when the shapes differ.
    static func maxDifference(_ result: Tensor, _ expected: Tensor) -> Double {
        guard result.shape == expected.shape else { return .infinity }
        return zip(result.scalars, expected.scalars).map { abs($0 - $1) }.max() ?? 0
    }
}
