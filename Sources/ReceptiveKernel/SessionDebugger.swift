import JupyterKernel
import ReceptiveLanguage
import Synchronization
import TextPlots

/// The Receptive side of Jupyter's debugger: the session's variables for JupyterLab's
/// variables panel, their contents when expanded, and their pictures when rendered.
///
/// Runs on the control thread while cells run on the shell thread: each answer reads a
/// `VariableSnapshot` taken when the session was free, or the last one taken when a cell
/// holds it (the panel asks again after every cell, once the session is free).
final class SessionDebugger: Debugger {
    private let shared: SharedSession
    /// The variables as last seen; read and written on the control thread only.
    private var snapshot = VariableSnapshot.empty

    init(shared: SharedSession) {
        self.shared = shared
    }

    func attach() {
        snapshot = .empty
    }

    func detach() {
        snapshot = .empty
    }

    func variables() -> [DebugVariable] {
        current().listing.map(Self.debugVariable)
    }

    func children(of key: String, start: Int, count: Int?) throws(KernelError) -> [DebugVariable] {
        guard let path = VariablePath(key) else {
            throw .debugRequestFailed("variables: '\(key)' names no variable")
        }
        do {
            return try current().children(of: path, start: start, count: count).map(Self.debugVariable)
        } catch {
            throw .debugRequestFailed("variables: \(error.kind.rawValue): \(error.message)")
        }
    }

    func richInspect(_ name: String, frameID: Int?) throws(KernelError) -> MimeBundle {
        guard let path = VariablePath(name) else {
            throw .debugRequestFailed("richInspectVariables: '\(name)' is not a variable name or a path like x.field[0]")
        }
        do {
            return OutputCap().clip(try current().rendering(of: path).mimeBundle)
        } catch {
            throw .debugRequestFailed("richInspectVariables: \(error.kind.rawValue): \(error.message)")
        }
    }

    /// A fresh snapshot when the session is free, else the last one.
    private func current() -> VariableSnapshot {
        if let fresh = shared.withSessionIfFree({ $0.variableSnapshot() }) { snapshot = fresh }
        return snapshot
    }

    /// The panel's view of one variable: its path is its name, how to name it again, and the
    /// key of its children.
    private static func debugVariable(_ variable: InspectedVariable) -> DebugVariable {
        let path = variable.path.description
        return DebugVariable(
            name: path, value: variable.preview, type: variable.type, evaluateName: path,
            childrenKey: variable.childCount == nil ? nil : path,
            namedChildren: variable.childrenAreIndexed ? nil : variable.childCount,
            indexedChildren: variable.childrenAreIndexed ? variable.childCount : nil)
    }
}
