/// Checks shared by layer convolution and pooling for per-axis arguments such as `stride:`.
enum WindowArguments {
    /// The largest stride, dilation, padding or window accepted; far beyond any real input,
    /// and small enough that the size arithmetic that follows cannot overflow.
    static let maximum = 1 << 31

    /// Expands one value to every spatial axis, checking the count and the bounds;
    /// `name` is the operation for error messages, `label` the argument.
    static func perAxis(_ values: [Int], _ label: String, name: String, spatialRank: Int,
                        minimum: Int) throws -> [Int] {
        guard values.count == 1 || values.count == spatialRank else {
            let expected = spatialRank == 1 ? "one value" : "one value or a pair"
            throw TensorError.invalidArgument("\(name): \(label) takes \(expected), found \(values.count) values")
        }
        if let bad = values.first(where: { $0 < minimum }) {
            let bound = minimum == 0 ? "not be negative" : "be at least \(minimum)"
            throw TensorError.invalidArgument("\(name): \(label) must \(bound), found \(bad)")
        }
        if let bad = values.first(where: { $0 > maximum }) {
            throw TensorError.invalidArgument("\(name): \(label) must be at most \(maximum), found \(bad)")
        }
        return values.count == 1 ? Array(repeating: values[0], count: spatialRank) : values
    }
}
