import JupyterProtocol

extension ShellService {
    /// `complete_request`: candidates at `cursor_pos` (code points; defaults to the end).
    func complete(_ request: Request) -> Response {
        let (code, cursor) = codeAndCursor(request)
        let result = interpreter.complete(code: code, cursorPosition: cursor)
        return .reply([
            "status": "ok", "matches": .array(result.matches.map { .string($0) }),
            "cursor_start": .int(result.cursorStart), "cursor_end": .int(result.cursorEnd), "metadata": [:],
        ])
    }

    /// `inspect_request`: documentation for the name at `cursor_pos`.
    func inspect(_ request: Request) -> Response {
        let (code, cursor) = codeAndCursor(request)
        let bundle = interpreter.inspect(code: code, cursorPosition: cursor, detailLevel: request.int("detail_level") ?? 0)
        return .reply(["status": "ok", "found": .bool(bundle != nil), "data": .strings(bundle ?? [:]), "metadata": [:]])
    }

    /// `is_complete_request`: whether the front end should run the code or ask for more lines.
    func isComplete(_ request: Request) -> Response {
        switch interpreter.isComplete(code: request.string("code")) {
        case .complete: .reply(["status": "complete"])
        case .incomplete(let indent): .reply(["status": "incomplete", "indent": .string(indent)])
        case .invalid: .reply(["status": "invalid"])
        case .unknown: .reply(["status": "unknown"])
        }
    }

    /// The request's code and its cursor clamped into the code, in Unicode code points.
    private func codeAndCursor(_ request: Request) -> (String, Int) {
        let code = request.string("code")
        let length = code.unicodeScalars.count
        return (code, min(max(request.int("cursor_pos") ?? length, 0), length))
    }
}
