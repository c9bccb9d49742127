import JupyterProtocol

/// The comm messages of the messaging spec ("Custom Messages"), served as ipykernel and xeus
/// serve them: the kernel keeps the table of open comms and checks every message against it;
/// what a comm's data means is the interpreter's business. Each is bracketed in busy … idle
/// by the dispatcher, with the comm message as parent of everything its handler publishes.
extension ShellService {
    /// `comm_open` from the front end: opened and handed to the interpreter when it serves the
    /// target; otherwise (unknown target, refused, or no `comm_id`) answered with `comm_close`.
    func commOpen(_ request: Request) -> Response {
        guard let id = request.content["comm_id"]?.stringValue, !id.isEmpty else {
            logger.warning("comm_open without a comm_id; ignored")
            return .noReply
        }
        let target = request.string("target_name")
        guard comms.target(of: id) == nil else {
            logger.warning("comm_open for comm \(id), which is already open; ignored")
            return .noReply
        }
        guard interpreter.commTargets.contains(target) else {
            logger.info("comm_open on unknown target '\(target)'; closing comm \(id)")
            request.publish(.commClose, ["comm_id": .string(id), "data": [:]])
            return .noReply
        }
        comms.open(id, target: target)
        interrupter.reset()
        let accepted = interpreter.commOpened(commMessage(request, id: id, target: target), context: context(for: request))
        if !accepted, comms.close(id) != nil {
            request.publish(.commClose, ["comm_id": .string(id), "data": [:]])
        }
        return .noReply
    }

    /// `comm_msg`: handed to the interpreter when its comm is open, else logged and dropped.
    func commMsg(_ request: Request) -> Response {
        let id = request.string("comm_id")
        guard let target = comms.target(of: id) else {
            logger.warning("comm_msg for unknown comm '\(id)'; ignored")
            return .noReply
        }
        interrupter.reset()
        interpreter.commMessage(commMessage(request, id: id, target: target), context: context(for: request))
        return .noReply
    }

    /// `comm_close` from the front end: forgotten and told to the interpreter; unknown ids are
    /// logged and dropped.
    func commClose(_ request: Request) -> Response {
        let id = request.string("comm_id")
        guard let target = comms.close(id) else {
            logger.warning("comm_close for unknown comm '\(id)'; ignored")
            return .noReply
        }
        interpreter.commClosed(commMessage(request, id: id, target: target), context: context(for: request))
        return .noReply
    }

    /// `comm_info_request`: the open comms, only those on `target_name` when it is given.
    func commInfo(_ request: Request) -> Response {
        let target = request.content["target_name"]?.stringValue
        let listing = comms.listing(target: target).mapValues { JSONValue.object(["target_name": .string($0)]) }
        return .reply(["status": "ok", "comms": .object(listing)])
    }

    /// The context a comm handler publishes through: no stdin (a comm message is not a cell,
    /// and front ends do not answer input requests for one), output parented to the message.
    private func context(for request: Request) -> CellContext {
        CellContext(request: request, silent: false, allowStdin: false, stdin: stdin, interrupter: interrupter,
                    comms: comms, queue: queue, logger: logger)
    }

    private func commMessage(_ request: Request, id: String, target: String) -> CommMessage {
        CommMessage(commID: id, targetName: target, data: request.content["data"] ?? [:],
                    metadata: request.message.metadata, buffers: request.message.buffers)
    }
}
