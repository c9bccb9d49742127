import Tensors
import TextPlots

/// A session's variables as they were at one moment, for the debugger's panels: a list of the
/// variables, the values inside each, and rich renderings.
///
/// Values are copy-on-write, so taking a snapshot copies no tensor, and a cell that changes a
/// variable afterwards changes its own copy: a snapshot can be read on another thread while
/// the session runs (`Session.variableSnapshot()` itself must not).
public struct VariableSnapshot: Sendable {
    /// Most children listed when the front end does not page: enough to scroll through, few
    /// enough that expanding a list of a million items stays quick.
    public static let defaultChildLimit = 1000

    /// The largest weight tensor a layer's properties draw: a 256×256 matrix.
    static let weightCap = 1 << 16

    private let variables: [String: Value]
    private let options: RenderOptions
    /// Caps what the panels draw and makes (layer weights); separate from the session's
    /// control, so an interrupt meant for a cell never stops a panel and vice versa.
    private let control = ExecutionControl(maxElements: VariableSnapshot.weightCap)

    /// A snapshot of `variables`, rendered with `options`.
    ///
    /// Values are immutable but for controls, which widget callbacks change on the session's
    /// thread while the panels read the snapshot on another: a variable holding a control
    /// keeps a copy of it as it is now. (A control inside a list or record stays shared:
    /// walking every list of the session to copy the rare control in one would cost each
    /// snapshot a pass over all the session's data.)
    init(variables: [String: Value], options: RenderOptions) {
        self.variables = variables.mapValues { value in
            guard case .control(let control) = value else { return value }
            return .control(control.copy())
        }
        self.options = options
    }

    /// A snapshot of no variables.
    public static let empty = VariableSnapshot(variables: [:], options: RenderOptions())

    /// This snapshot's variables in front of `outer`'s: a call's locals over the globals, as
    /// names resolve inside it.
    public func shadowing(_ outer: VariableSnapshot) -> VariableSnapshot {
        VariableSnapshot(variables: outer.variables.merging(variables) { _, inner in inner }, options: options)
    }

    /// How many variables it holds.
    public var count: Int { variables.count }

    /// Every variable, sorted by name.
    public var listing: [InspectedVariable] {
        variables.keys.sorted().compactMap { name in
            variables[name].map { describe(VariablePath(root: name), $0) }
        }
    }

    /// The values inside the one at `path`: `count` of them from `start` (nil: up to
    /// `defaultChildLimit`). Throws a NameError, IndexError or TypeError when `path` leads
    /// nowhere or to a value without children.
    public func children(of path: VariablePath, start: Int, count: Int?) throws(RuntimeError) -> [InspectedVariable] {
        let value = try self.value(at: path)
        guard let total = value.inspectionChildCount?.count else {
            throw RuntimeError(.type, "\(path) is \(value.typeDescription), which holds no values to list")
        }
        let lower = min(max(start, 0), total)
        let upper = min(total, lower + (count ?? Self.defaultChildLimit))
        return value.inspectionChildren(lower..<upper, control: control).map { step, child in
            describe(path.appending(step), child)
        }
    }

    /// The value at `path` drawn for the "render variable" view.
    public func rendering(of path: VariablePath) throws(RuntimeError) -> Figure {
        try value(at: path).richRendering(options: options, control: control)
    }

    /// The value `path` names.
    func value(at path: VariablePath) throws(RuntimeError) -> Value {
        guard var value = variables[path.root] else {
            let suggestion = NameSuggestion.nearest(to: path.root, among: Array(variables.keys))
            throw RuntimeError(.name, "no variable '\(path.root)' in the session\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
        }
        var reached = VariablePath(root: path.root)
        for step in path.steps {
            guard let child = value.inspectionChild(step, control: control) else {
                let what = if case .index(let index) = step { "no item \(index)" } else { "no such field" }
                throw RuntimeError(step.isIndex ? .index : .name,
                                   "\(reached.appending(step)): \(reached) is \(value.typeDescription), with \(what)")
            }
            value = child
            reached = reached.appending(step)
        }
        return value
    }

    private func describe(_ path: VariablePath, _ value: Value) -> InspectedVariable {
        let children = value.inspectionChildCount
        return InspectedVariable(path: path, type: value.inspectionType, preview: value.inspectionPreview(),
                                 childCount: children?.count, childrenAreIndexed: children?.indexed ?? false)
    }
}

/// One value as the variables panel lists it.
public struct InspectedVariable: Sendable, Equatable {
    /// Where the value is; its text is the name the panel shows and asks for again.
    public let path: VariablePath
    /// The type the panel shows (`float`, `tensor 3×4`, `conv_layer`, …).
    public let type: String
    /// The value on one line.
    public let preview: String
    /// How many values are inside it; nil when it has none to list.
    public let childCount: Int?
    /// Whether those are items or rows (indexed) rather than fields (named).
    public let childrenAreIndexed: Bool
}

extension VariablePath.Step {
    var isIndex: Bool {
        if case .index = self { return true }
        return false
    }
}

extension Session {
    /// The session's variables now. Call it where the session's other methods may be called
    /// (one thread at a time); the snapshot itself may then go to any thread.
    public func variableSnapshot() -> VariableSnapshot {
        VariableSnapshot(variables: evaluator.globals, options: evaluator.renderOptions)
    }
}
