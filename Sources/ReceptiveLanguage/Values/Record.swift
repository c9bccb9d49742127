/// A value with named fields in a fixed order, such as the result of `compare` or `timeit`.
public struct Record: Sendable {
    /// What made it, e.g. "compare"; shown in the record's header.
    public var typeName: String
    /// The fields in display order.
    public var fields: [(name: String, value: Value)]

    /// Creates a record.
    public init(typeName: String, fields: [(name: String, value: Value)]) {
        self.typeName = typeName
        self.fields = fields
    }

    /// The field called `name`, if any.
    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}
