import JupyterProtocol

/// One Debug Adapter Protocol request, from the content of a `debug_request`: `seq`,
/// `command` and `arguments`, with typed readers that say what was expected and what came.
struct DebugRequest {
    /// The client's sequence number, echoed as `request_seq`.
    let seq: Int
    /// The DAP command, e.g. `inspectVariables`.
    let command: String
    /// `arguments`: an object, empty when the client sent none.
    let arguments: [String: JSONValue]

    /// Reads `content`; throws when it is not a DAP request.
    init(_ content: JSONValue) throws(KernelError) {
        guard case .object(let members) = content else {
            throw .debugRequestFailed("a debug_request's content must be a Debug Adapter Protocol request object, found \(content.foundDescription)")
        }
        guard let command = members["command"]?.stringValue, !command.isEmpty else {
            throw .debugRequestFailed("a debug_request needs a string 'command', found \(members["command"]?.foundDescription ?? "none")")
        }
        if let type = members["type"], type != "request" {
            throw .debugRequestFailed("a debug_request's 'type' must be \"request\", found \(type.foundDescription)")
        }
        // JupyterLab always numbers its requests; a client that does not gets request_seq 0.
        let seq = members["seq"]?.intValue ?? 0
        switch members["arguments"] {
        case nil, .null?: arguments = [:]
        case .object(let arguments)?: self.arguments = arguments
        case let other?:
            throw .debugRequestFailed("\(command): 'arguments' must be an object, found \(other.foundDescription)")
        }
        self.seq = seq
        self.command = command
    }

    /// A required string argument.
    func string(_ key: String) throws(KernelError) -> String {
        guard let value = arguments[key]?.stringValue else { throw missing(key, "a string") }
        return value
    }

    /// A required integer argument.
    func int(_ key: String) throws(KernelError) -> Int {
        guard let value = arguments[key]?.intValue else { throw missing(key, "an integer") }
        return value
    }

    /// An optional integer argument: nil when absent or null, an error when of another type.
    func optionalInt(_ key: String) throws(KernelError) -> Int? {
        switch arguments[key] {
        case nil, .null?: return nil
        case let value?:
            guard let number = value.intValue else { throw missing(key, "an integer") }
            return number
        }
    }

    private func missing(_ key: String, _ expected: String) -> KernelError {
        .debugRequestFailed("\(command) needs arguments.\(key), \(expected); found \(arguments[key]?.foundDescription ?? "none")")
    }
}
