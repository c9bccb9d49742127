/// How a notebook test treats one code cell, from nbval's markers (nbval/plugin.py, 0.11):
/// a comment line that is exactly `# NBVAL_IGNORE_OUTPUT`, `# NBVAL_CHECK_OUTPUT`,
/// `# NBVAL_RAISES_EXCEPTION` or `# NBVAL_SKIP` (any number of `#`), or the cell tags
/// `nbval-ignore-output`, `nbval-check-output`, `nbval-raises-exception`, `nbval-skip` and
/// nbclient's `raises-exception`. A comment overrides a tag of the same kind, as in nbval.
/// Receptive comments start with `#`, so the comment markers are plain Receptive comments.
struct CellMarkers: Equatable {
    /// Whether the outputs are compared with the saved ones.
    var checksOutput = true
    /// Whether the cell may end in an error.
    var raisesException = false
    /// Whether the cell is not run at all.
    var skipped = false

    /// The markers of a cell with this source and these tags.
    init(source: String, tags: [String]) {
        for tag in tags { apply(Self.tags[tag]) }
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.hasPrefix("#") else { continue }
            let comment = trimmed.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
            apply(Self.comments[comment])
        }
    }

    /// No markers: run, compare, and fail on an error.
    init() {}

    private enum Marker {
        case ignoreOutput, checkOutput, raisesException, skip
    }

    private static let comments: [String: Marker] = [
        "NBVAL_IGNORE_OUTPUT": .ignoreOutput, "PYTEST_VALIDATE_IGNORE_OUTPUT": .ignoreOutput,
        "NBVAL_CHECK_OUTPUT": .checkOutput, "NBVAL_RAISES_EXCEPTION": .raisesException, "NBVAL_SKIP": .skip,
    ]

    private static let tags: [String: Marker] = [
        "nbval-ignore-output": .ignoreOutput, "pytest-validate-ignore-output": .ignoreOutput,
        "nbval-check-output": .checkOutput, "nbval-raises-exception": .raisesException,
        "raises-exception": .raisesException, "nbval-skip": .skip,
    ]

    private mutating func apply(_ marker: Marker?) {
        switch marker {
        case .ignoreOutput: checksOutput = false
        case .checkOutput: checksOutput = true
        case .raisesException: raisesException = true
        case .skip: skipped = true
        case nil: break
        }
    }
}
