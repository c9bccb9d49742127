import Foundation

/// Where one thread hands iopub messages to the single thread that owns the iopub socket.
protocol FramePublisher: AnyObject {
    /// Queues one multipart message for publication, preserving this publisher's order.
    func publish(_ frames: [Data])
}
