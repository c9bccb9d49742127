import Foundation

/// Where iopub messages go out: the shared iopub socket in the kernel, a list in tests.
protocol FramePublisher: AnyObject {
    /// Publishes one multipart message whole; messages from one thread keep their order.
    func publish(_ frames: [Data])
}
