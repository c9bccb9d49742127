import JupyterProtocol

extension ShellService {
    /// `execute_request`: runs the cell unless an earlier one failed with stop_on_error.
    func execute(_ request: Request) -> Response {
        guard !request.isAbortingQueue else { return .reply(abortedReply()) }
        let cell = Cell(request)
        if cell.storeHistory { executionCount += 1 }
        let count = executionCount
        if !cell.silent { request.publish(.executeInput, ["code": .string(cell.code), "execution_count": .int(count)]) }

        interrupter.reset()
        let context = CellContext(request: request, silent: cell.silent, allowStdin: cell.allowStdin, stdin: stdin,
                                  interrupter: interrupter, comms: comms, queue: queue, logger: logger)
        let outcome = interpreter.execute(
            ExecutionRequest(code: cell.code, silent: cell.silent, allowStdin: cell.allowStdin, executionCount: count),
            context: context)

        switch outcome {
        case .success(let result, let payloads):
            if let result, !cell.silent {
                request.publish(.executeResult, ["execution_count": .int(count), "data": .strings(result), "metadata": [:]])
            }
            var response = Response.reply([
                "status": "ok", "execution_count": .int(count), "payload": .array(payloads.map(\.json)),
                "user_expressions": userExpressions(request.content["user_expressions"]),
            ])
            response.afterIdle = storing(cell, output: result?["text/plain"])
            return response
        case .failure(let ename, let evalue, let traceback):
            var response = failed(cell, request, count: count, error: ["ename": .string(ename), "evalue": .string(evalue),
                                                                       "traceback": .array(traceback.map { .string($0) })])
            response.afterIdle = storing(cell, output: nil)
            return response
        }
    }

    /// Stores the cell in history, if it asked to be, once the client has its answer: a
    /// database write is the slowest step of a short cell.
    private func storing(_ cell: Cell, output: String?) -> (() -> Void)? {
        guard cell.storeHistory else { return nil }
        return { [self] in history.append(input: cell.code, output: output) }
    }

    /// Publishes a failed cell's error and replies with it; queued cells are then aborted
    /// unless the request said `stop_on_error: false`.
    private func failed(_ cell: Cell, _ request: Request, count: Int, error: [String: JSONValue]) -> Response {
        if !cell.silent { request.publish(.error, .object(error)) }
        var reply = error
        reply["status"] = "error"
        reply["execution_count"] = .int(count)
        return Response(content: .object(reply), followup: cell.stopOnError ? .abortQueuedExecutions : .none)
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
        switch self {
        case .page(let data, let start): ["source": "page", "data": .strings(data), "start": .int(start)]
        case .askExit(let keepKernel): ["source": "ask_exit", "keepkernel": .bool(keepKernel)]
        }
    }
}

/// The options of one `execute_request`, with the protocol's defaults.
private struct Cell {
    let code: String
    let silent: Bool
    /// A silent cell is never stored, whatever it asks.
    let storeHistory: Bool
    let allowStdin: Bool
    let stopOnError: Bool

    init(_ request: Request) {
        code = request.string("code")
        silent = request.bool("silent", false)
        storeHistory = !silent && request.bool("store_history", true)
        allowStdin = request.bool("allow_stdin", false)
        stopOnError = request.bool("stop_on_error", true)
    }
}
