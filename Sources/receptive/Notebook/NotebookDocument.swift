import Foundation
import JupyterProtocol

/// A Jupyter notebook (nbformat 4) read from a file: the code cells to run, and the document to
/// write back with fresh outputs. What the commands do not change (metadata, markdown cells,
/// attachments, cell ids, the order of everything) is written back as it was read.
///
/// Multi-line strings are held joined, as nbformat holds them after reading
/// (`rejoin_lines`), and split into lines again on writing (`split_lines`), so a notebook
/// read and written here comes out as `nbformat.write(nbformat.read(...))` would.
struct NotebookDocument {
    /// The notebook's top-level members, cells excepted.
    private var root: [String: JSONValue]
    /// Every cell as an object, lines joined.
    private var cells: [[String: JSONValue]]

    /// Reads and checks the notebook at `path`.
    init(path: String) throws(CommandError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .cannotRead(path: path, reason: "no such file") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .cannotRead(path: path, reason: error.localizedDescription)
        }
        try self.init(data: data, path: path)
    }

    /// Parses and checks notebook JSON; `path` names the file in errors.
    init(data: Data, path: String) throws(CommandError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(data)
        } catch {
            throw .notANotebook(path: path, reason: "it is not JSON (\(error))")
        }
        guard var root = value.objectValue, let cells = root["cells"]?.arrayValue else {
            throw .notANotebook(path: path, reason: "it has no \"cells\" list")
        }
        guard let format = root["nbformat"]?.intValue, format == 4 else {
            throw .notANotebook(path: path, reason: "it is not nbformat 4 (convert it with "
                                + "`jupyter nbconvert --to notebook --nbformat 4`)")
        }
        let metadata = root["metadata"]
        if let language = metadata?["kernelspec"]?["language"]?.stringValue ?? metadata?["language_info"]?["name"]?.stringValue,
           language.lowercased() != "receptive" {
            throw .notANotebook(path: path, reason: "its kernel's language is '\(language)', not Receptive")
        }
        root["cells"] = nil
        self.root = root
        self.cells = []
        for (index, cell) in cells.enumerated() {
            guard let members = cell.objectValue, members["cell_type"]?.stringValue != nil else {
                throw .notANotebook(path: path, reason: "cell \(index) is not an object with a \"cell_type\"")
            }
            guard Self.joined(members["source"] ?? "") != nil else {
                throw .notANotebook(path: path, reason: "cell \(index)'s source is not text")
            }
            self.cells.append(Self.rejoined(members))
        }
    }

    /// The code cells in order, numbered as nbval numbers them.
    var codeCells: [NotebookCell] {
        var found: [NotebookCell] = []
        for (index, cell) in cells.enumerated() where cell["cell_type"]?.stringValue == "code" {
            found.append(NotebookCell(
                index: index, number: found.count, source: cell["source"]?.stringValue ?? "",
                tags: cell["metadata"]?["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                outputs: cell["outputs"]?.arrayValue ?? [], executionCount: cell["execution_count"]?.intValue))
        }
        return found
    }

    /// Replaces a code cell's outputs and execution count.
    mutating func setOutputs(_ outputs: [JSONValue], executionCount: Int?, ofCell index: Int) {
        cells[index]["outputs"] = .array(outputs)
        cells[index]["execution_count"] = executionCount.map { .int($0) } ?? .null
    }

    /// Sets `metadata.language_info`, as Jupyter does from the kernel's `kernel_info_reply`.
    mutating func setLanguageInfo(_ info: JSONValue) {
        var metadata = root["metadata"]?.objectValue ?? [:]
        metadata["language_info"] = info
        root["metadata"] = .object(metadata)
    }

    /// The notebook as nbformat writes it: lines split, transient members dropped
    /// (nbformat/v4/rwbase.py `split_lines`, `strip_transient`).
    var text: String {
        var root = self.root
        if var metadata = root["metadata"]?.objectValue {
            for key in ["orig_nbformat", "orig_nbformat_minor", "signature"] { metadata[key] = nil }
            root["metadata"] = .object(metadata)
        }
        root["cells"] = .array(cells.map { .object(Self.split($0)) })
        return NotebookJSON.text(of: .object(root))
    }

    // MARK: nbformat's line handling

    private static func rejoined(_ cell: [String: JSONValue]) -> [String: JSONValue] {
        var cell = cell
        cell["source"] = joined(cell["source"] ?? "").map { .string($0) }
        if let attachments = cell["attachments"]?.objectValue {
            cell["attachments"] = .object(attachments.mapValues { rejoinedBundle($0) })
        }
        if cell["cell_type"]?.stringValue == "code", let outputs = cell["outputs"]?.arrayValue {
            cell["outputs"] = .array(outputs.map { output in
                guard var members = output.objectValue, let type = members["output_type"]?.stringValue else { return output }
                if type == "execute_result" || type == "display_data" {
                    members["data"] = members["data"].map(rejoinedBundle)
                } else if !type.isEmpty, let text = members["text"], let joined = joined(text) {
                    members["text"] = .string(joined)
                }
                return .object(members)
            })
        }
        return cell
    }

    /// Joins a list of lines; nil for anything but a string or a list of strings.
    private static func joined(_ value: JSONValue) -> String? {
        if let text = value.stringValue { return text }
        guard let lines = value.arrayValue else { return nil }
        let strings = lines.compactMap(\.stringValue)
        return strings.count == lines.count ? strings.joined() : nil
    }

    private static func rejoinedBundle(_ bundle: JSONValue) -> JSONValue {
        guard let members = bundle.objectValue else { return bundle }
        return .object(members.reduce(into: [:]) { result, member in
            let isList = member.value.arrayValue != nil
            result[member.key] = !isJSONMime(member.key) && isList ? joined(member.value).map { .string($0) } ?? member.value : member.value
        })
    }

    private static func isJSONMime(_ mime: String) -> Bool {
        mime == "application/json" || (mime.hasPrefix("application/") && mime.hasSuffix("+json"))
    }

    private static func split(_ cell: [String: JSONValue]) -> [String: JSONValue] {
        var cell = cell
        if let source = cell["source"]?.stringValue { cell["source"] = lines(source) }
        if let attachments = cell["attachments"]?.objectValue {
            cell["attachments"] = .object(attachments.mapValues(splitBundle))
        }
        if var metadata = cell["metadata"]?.objectValue {
            metadata["trusted"] = nil
            cell["metadata"] = .object(metadata)
        }
        if cell["cell_type"]?.stringValue == "code", let outputs = cell["outputs"]?.arrayValue {
            cell["outputs"] = .array(outputs.map { output in
                guard var members = output.objectValue else { return output }
                switch members["output_type"]?.stringValue {
                case "execute_result", "display_data": members["data"] = members["data"].map(splitBundle)
                case "stream": if let text = members["text"]?.stringValue { members["text"] = lines(text) }
                default: break
                }
                return .object(members)
            })
        }
        return cell
    }

    private static func splitBundle(_ bundle: JSONValue) -> JSONValue {
        guard let members = bundle.objectValue else { return bundle }
        return .object(members.reduce(into: [:]) { result, member in
            let splits = member.key.hasPrefix("text/") || member.key == "application/javascript" || member.key == "image/svg+xml"
            result[member.key] = splits ? member.value.stringValue.map(lines) ?? member.value : member.value
        })
    }

    /// Python's `str.splitlines(keepends=True)`: the line boundaries it knows, `\r\n` as one.
    static func lines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var line = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            line.append(scalar)
            guard lineBoundaries.contains(scalar.value) else { continue }
            if scalar == "\r", pending == "\n" {
                line.append("\n")
                pending = scalars.next()
            }
            lines.append(.string(String(line)))
            line = String.UnicodeScalarView()
        }
        if !line.isEmpty { lines.append(.string(String(line))) }
        return .array(lines)
    }

    private static let lineBoundaries: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
}

/// One code cell as read: where it is, what it runs, its tags and its saved outputs.
struct NotebookCell {
    /// The position among all the notebook's cells.
    let index: Int
    /// The position among code cells, counted from 0 (nbval's "Cell N").
    let number: Int
    /// The code.
    let source: String
    /// `metadata.tags`.
    let tags: [String]
    /// The outputs saved in the file, lines joined.
    let outputs: [JSONValue]
    /// The saved `execution_count`; nil for a cell never run.
    let executionCount: Int?
}
