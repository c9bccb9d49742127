import Tensors

/// A tensor as the fixture generators store it in JSON (`{"shape": [...], "data": [...]}`), shared
/// by every differential suite that reads their files.
public struct StoredTensor: Decodable, Sendable {
    /// The tensor's shape.
    public let shape: [Int]
    /// Its elements in row-major order.
    public let data: [Double]

    /// The stored values as a tensor.
    public func tensor() throws -> Tensor { try Tensor(shape: shape, scalars: data) }
}

/// A fixture file that does not hold what a test expects (not a tensor error, so an
/// expected-failure case cannot pass by accident).
public struct MalformedFixture: Error {
    /// What was wrong.
    public let reason: String

    /// A fixture error saying `reason`.
    public init(reason: String) { self.reason = reason }
}
