import ArgumentParser
import Tensors

/// Resource limits shared by `receptive kernel` and `receptive run`.
struct LimitOptions: ParsableArguments {
    /// The range `set(max_elements:)` accepts too.
    static let maxElementsRange = 1...(1 << 40)

    @Option(help: ArgumentHelp(
        "The most elements one tensor may have (default \(ExecutionControl.defaultMaxElements)); "
            + "larger allocations fail with a LimitError. Cells can change it with set(max_elements:).",
        valueName: "N"))
    var maxElements: Int?

    func validate() throws {
        if let maxElements, !Self.maxElementsRange.contains(maxElements) {
            throw ValidationError("--max-elements must be between 1 and \(Self.maxElementsRange.upperBound), found \(maxElements)")
        }
    }

    /// The element cap a new session starts with: `--max-elements`, or the default.
    var sessionMaxElements: Int { Self.sessionMaxElements(maxElements) }

    /// The session's limit for a requested `--max-elements` (nil when the option was not given).
    static func sessionMaxElements(_ requested: Int?) -> Int { requested ?? ExecutionControl.defaultMaxElements }
}
