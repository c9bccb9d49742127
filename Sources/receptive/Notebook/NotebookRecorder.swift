import JupyterKernel
import JupyterProtocol

/// The kernel side of a cell run in-process: what the kernel would publish on iopub becomes the
/// cell's stored outputs, the way nbclient stores them (nbclient/client.py `process_message`,
/// `output`, `clear_output`, `_update_display_id`): one output per message, a display update
/// rewriting every output with that display id in any cell, `clear_output(wait:)` deferred to
/// the next output. Input is refused, as nbclient refuses it (`allow_stdin` false).
final class NotebookRecorder: ExecutionContext {
    /// The outputs of every cell run so far, by position in the notebook.
    private(set) var outputs: [Int: [JSONValue]] = [:]
    /// Cells whose outputs were changed after they were published: cleared, or a display
    /// updated in place. nbval compares the first version, so such a cell cannot be compared.
    private(set) var rewritten: Set<Int> = []
    /// Where each display id's outputs are: cell position → output positions.
    private var displays: [String: [Int: [Int]]] = [:]
    private var cell = 0
    private var clearBeforeNextOutput = false

    /// Starts recording the cell at `index` (its old outputs are dropped).
    func begin(cell index: Int) {
        cell = index
        outputs[index] = []
        clearBeforeNextOutput = false
    }

    /// A `stream` output.
    func stream(_ name: StreamName, _ text: String) {
        append(["output_type": "stream", "name": .string(name.rawValue), "text": .string(text)], displayID: nil)
    }

    /// A `display_data` output, or an update of the outputs showing `displayID`.
    func display(_ data: MimeBundle, displayID: String?, update: Bool) {
        if let displayID { updateDisplay(displayID, data: data) }
        guard !update || displayID == nil else { return }
        append(["output_type": "display_data", "data": .strings(data), "metadata": [:]], displayID: displayID)
    }

    /// A display with JSON values (a widget view): a run has no front end to hold the widget's
    /// models, so the output keeps the bundle's text representations (`interact`'s fallback:
    /// the function's output with its note), not a view of models the notebook would lack.
    func display(json data: [String: JSONValue], displayID: String?, update: Bool) {
        display(data.compactMapValues(\.stringValue), displayID: displayID, update: update)
    }

    /// Comms have no other side in a run: widget models are not recorded.
    func openComm(_ comm: CommMessage) {}

    /// Comms have no other side in a run.
    func sendComm(_ message: CommMessage) {}

    /// Comms have no other side in a run.
    func closeComm(id: String, data: JSONValue) {}

    /// Nothing is ever queued: a run sends no comm messages.
    func isCommMessageQueued(for ids: Set<String>) -> Bool { false }

    /// Clears the cell's outputs now, or before its next output when `wait`.
    func clearOutput(wait: Bool) {
        if wait {
            clearBeforeNextOutput = true
        } else {
            clear()
        }
    }

    /// Refused: a notebook run has no one to type.
    func readInput(prompt: String, password: Bool) throws -> String {
        throw KernelError.stdinNotAllowed
    }

    /// The cell's value, as the kernel's `execute_result`.
    func result(_ data: MimeBundle, executionCount: Int) {
        append(["output_type": "execute_result", "data": .strings(data), "metadata": [:],
                "execution_count": .int(executionCount)], displayID: nil)
    }

    /// The error that ended the cell, as the kernel's `error` message.
    func error(ename: String, evalue: String, traceback: [String]) {
        append(["output_type": "error", "ename": .string(ename), "evalue": .string(evalue),
                "traceback": .array(traceback.map { .string($0) })], displayID: nil)
    }

    private func append(_ output: JSONValue, displayID: String?) {
        if clearBeforeNextOutput {
            clear()
            clearBeforeNextOutput = false
        }
        if let displayID { displays[displayID, default: [:]][cell, default: []].append(outputs[cell, default: []].count) }
        outputs[cell, default: []].append(output)
    }

    private func clear() {
        if outputs[cell]?.isEmpty == false { rewritten.insert(cell) }
        outputs[cell] = []
        for id in displays.keys where displays[id]?[cell] != nil { displays[id]?[cell] = [] }
    }

    private func updateDisplay(_ id: String, data: MimeBundle) {
        for (cellIndex, positions) in displays[id] ?? [:] {
            if !positions.isEmpty { rewritten.insert(cellIndex) }
            for position in positions {
                guard case .object(var members)? = outputs[cellIndex]?[position] else { continue }
                members["data"] = .strings(data)
                members["metadata"] = [:]
                outputs[cellIndex]?[position] = .object(members)
            }
        }
    }
}
