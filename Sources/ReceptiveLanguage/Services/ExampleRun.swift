import Foundation

/// What running one documentation example showed (the reference manual's examples and the
/// language guide's): everything it printed, displayed and returned, in order, and the error
/// that ended it, if any.
///
/// An example runs as a cell of its own in a fresh session, so examples never depend on each
/// other. The session's working directory is a new temporary one, removed afterwards, so
/// examples save and load files by relative names and two runs at once never share a file.
struct ExampleRun {
    /// The output before the error (or all of it), newline-terminated lines.
    let output: String
    /// The error that ended the example.
    let error: ReportedError?

    /// Runs `source`.
    init(_ source: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("receptive-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let transcript = ReferenceExampleOutput()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            output = ""
            self.error = ReportedError(kind: .io, message: "cannot create a directory for the example "
                                        + "(\(error.localizedDescription))", traceback: [])
            return
        }
        switch Session(workingDirectory: directory).run(source, output: transcript) {
        case .success(let figure):
            if let figure { transcript.append(line: figure.text) }
            self.error = nil
        case .failure(let failure):
            self.error = failure
        }
        output = transcript.text
    }

    /// The error's "Kind: message" line, if the example failed.
    var headline: String? {
        error.map { "\($0.kind.rawValue): \($0.message)" }
    }

    /// The output followed by the error's "Kind: message" line (the reference manual's form).
    var transcript: String {
        guard let headline else { return output }
        return output + (output.isEmpty || output.hasSuffix("\n") ? "" : "\n") + headline + "\n"
    }

    /// The output followed by the error as a front end shows it: "Kind: message", then the
    /// source line and a caret under the column (the language guide's form).
    var transcriptWithTraceback: String {
        guard let error, !error.traceback.isEmpty else { return transcript }
        return output + (output.isEmpty || output.hasSuffix("\n") ? "" : "\n") + error.rendered + "\n"
    }
}
