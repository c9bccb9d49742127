/// The five sockets of a Jupyter kernel.
public enum Channel: String, Sendable, CaseIterable {
    /// Requests from clients (execute, complete, ...).
    case shell
    /// Broadcast of outputs and status.
    case iopub
    /// Requests from the kernel to a client for input.
    case stdin
    /// Out-of-band requests (interrupt, shutdown) served while shell is busy.
    case control
    /// Liveness echo.
    case heartbeat = "hb"
}
