/// A Jupyter `msg_type`, with constants for the ones this project sends or handles.
public struct MessageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The wire name, e.g. `execute_request`.
    public var rawValue: String

    /// Wraps a wire name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The wire name.
    public var description: String { rawValue }

    /// The reply to this request type (`x_request` → `x_reply`); nil when this is not a request.
    public var replyType: MessageType? {
        guard rawValue.hasSuffix("_request") else { return nil }
        return MessageType(rawValue: String(rawValue.dropLast("_request".count)) + "_reply")
    }

    /// `kernel_info_request`.
    public static let kernelInfoRequest = MessageType(rawValue: "kernel_info_request")
    /// `execute_request`.
    public static let executeRequest = MessageType(rawValue: "execute_request")
    /// `complete_request`.
    public static let completeRequest = MessageType(rawValue: "complete_request")
    /// `inspect_request`.
    public static let inspectRequest = MessageType(rawValue: "inspect_request")
    /// `is_complete_request`.
    public static let isCompleteRequest = MessageType(rawValue: "is_complete_request")
    /// `history_request`.
    public static let historyRequest = MessageType(rawValue: "history_request")
    /// `comm_info_request`.
    public static let commInfoRequest = MessageType(rawValue: "comm_info_request")
    /// `comm_open`.
    public static let commOpen = MessageType(rawValue: "comm_open")
    /// `comm_msg`.
    public static let commMessage = MessageType(rawValue: "comm_msg")
    /// `comm_close`.
    public static let commClose = MessageType(rawValue: "comm_close")
    /// `shutdown_request`.
    public static let shutdownRequest = MessageType(rawValue: "shutdown_request")
    /// `interrupt_request`.
    public static let interruptRequest = MessageType(rawValue: "interrupt_request")
    /// `debug_request` (control): a Debug Adapter Protocol request (protocol 5.5, JEP 47).
    public static let debugRequest = MessageType(rawValue: "debug_request")
    /// `debug_event` (iopub): a Debug Adapter Protocol event.
    public static let debugEvent = MessageType(rawValue: "debug_event")
    /// `input_request` (kernel → client on stdin).
    public static let inputRequest = MessageType(rawValue: "input_request")
    /// `input_reply`.
    public static let inputReply = MessageType(rawValue: "input_reply")
    /// `status`.
    public static let status = MessageType(rawValue: "status")
    /// `execute_input`.
    public static let executeInput = MessageType(rawValue: "execute_input")
    /// `execute_result`.
    public static let executeResult = MessageType(rawValue: "execute_result")
    /// `stream`.
    public static let stream = MessageType(rawValue: "stream")
    /// `display_data`.
    public static let displayData = MessageType(rawValue: "display_data")
    /// `update_display_data`.
    public static let updateDisplayData = MessageType(rawValue: "update_display_data")
    /// `clear_output`.
    public static let clearOutput = MessageType(rawValue: "clear_output")
    /// `error`.
    public static let error = MessageType(rawValue: "error")
    /// `iopub_welcome` (protocol 5.4, JEP 65).
    public static let iopubWelcome = MessageType(rawValue: "iopub_welcome")
}
