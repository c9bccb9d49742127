import JupyterProtocol

extension ShellService {
    /// `execute_request`: runs the cell unless an earlier one failed with stop_on_error.
    func execute(_ request: Request) -> Response {
        guard !request.isAbortingQueue else { return .reply(abortedReply()) }
        let code = request.string("code")
        let silent = request.bool("silent", false)
        let storeHistory = silent ? false : request.bool("store_history", true)
        if storeHistory { executionCount += 1 }
        let count = executionCount
        if !silent { request.publish(.executeInput, ["code": .string(code), "execution_count": .int(count)]) }

        interrupter.reset()
        let allowStdin = request.bool("allow_stdin", false)
        let context = CellContext(request: request, silent: silent, allowStdin: allowStdin, stdin: stdin,
                                  interrupter: interrupter)
        let outcome = interpreter.execute(
            ExecutionRequest(code: code, silent: silent, allowStdin: allowStdin, executionCount: count),
            context: context)

        switch outcome {
        case .success(let result, let payloads):
            if storeHistory { history.append(input: code, output: result?["text/plain"]) }
            if let result, !silent {
                request.publish(.executeResult, ["execution_count": .int(count), "data": .strings(result), "metadata": [:]])
            }
            return .reply([
                "status": "ok", "execution_count": .int(count),
                "payload": .array(payloads.map(\.json)),
                "user_expressions": userExpressions(request.content["user_expressions"]),
            ])
        case .failure(let ename, let evalue, let traceback):
            if storeHistory { history.append(input: code, output: nil) }
            let error: JSONValue = ["ename": .string(ename), "evalue": .string(evalue),
                                    "traceback": .array(traceback.map { .string($0) })]
            if !silent { request.publish(.error, error) }
            var reply = error.objectValue ?? [:]
            reply["status"] = "error"
            reply["execution_count"] = .int(count)
            let stopOnError = request.bool("stop_on_error", true)
            return Response(content: .object(reply), followup: stopOnError ? .abortQueuedExecutions : .none)
        }
    }

    /// The reply to an execute request that was queued behind a failed cell and is not run.
    private func abortedReply() -> JSONValue {
        [
            "status": "error", "execution_count": .int(executionCount), "ename": "ExecutionAborted",
            "evalue": "not run: an earlier cell failed and asked to stop on error",
            "traceback": [],
        ]
    }

    /// Evaluates each `user_expressions` entry (name → code) after a successful cell.
    private func userExpressions(_ requested: JSONValue?) -> JSONValue {
        var results: [String: JSONValue] = [:]
        for (name, expression) in requested?.objectValue ?? [:] {
            switch interpreter.evaluateUserExpression(expression.stringValue ?? "") {
            case .value(let bundle):
                results[name] = ["status": "ok", "data": .strings(bundle), "metadata": [:]]
            case .failure(let ename, let evalue, let traceback):
                results[name] = ["status": "error", "ename": .string(ename), "evalue": .string(evalue),
                                 "traceback": .array(traceback.map { .string($0) })]
            }
        }
        return .object(results)
    }
}

extension Payload {
    /// The payload as it appears in `execute_reply.payload`.
    var json: JSONValue {
        ["source": .string(source), "data": .strings(data), "start": .int(start)]
    }
}
