import CZeroMQ
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every call into libzmq, each turning `-1`/NULL plus errno into `ZeroMQError` and
/// retrying when a signal interrupted it (EINTR), in the manner of swift-system's Syscalls.
enum LibZMQ {
    /// libzmq's ETERM, which Swift cannot import as a macro of a macro.
    static let contextTerminatedCode: Int32 = 156_384_712 + 53

    /// Runs `call` until it does not fail with EINTR; throws on any other failure.
    @discardableResult
    static func check(_ operation: @autoclosure () -> String, _ call: () -> Int32) throws(ZeroMQError) -> Int32 {
        while true {
            let result = call()
            if result != -1 { return result }
            let code = zmq_errno()
            if code == EINTR { continue }
            throw error(operation(), code: code)
        }
    }

    /// The error for `code` with libzmq's own description.
    static func error(_ operation: String, code: Int32) -> ZeroMQError {
        ZeroMQError(operation: operation, code: code, reason: String(cString: zmq_strerror(code)))
    }

    static func newContext() throws(ZeroMQError) -> UnsafeMutableRawPointer {
        guard let handle = zmq_ctx_new() else { throw error("zmq_ctx_new", code: zmq_errno()) }
        return handle
    }

    static func shutdownContext(_ context: UnsafeMutableRawPointer) {
        _ = zmq_ctx_shutdown(context)
    }

    static func terminateContext(_ context: UnsafeMutableRawPointer) {
        _ = try? check("zmq_ctx_term") { zmq_ctx_term(context) }
    }

    static func newSocket(_ context: UnsafeMutableRawPointer, type: Int32) throws(ZeroMQError) -> UnsafeMutableRawPointer {
        guard let handle = zmq_socket(context, type) else { throw error("zmq_socket", code: zmq_errno()) }
        return handle
    }

    static func close(_ socket: UnsafeMutableRawPointer) {
        _ = zmq_close(socket)
    }

    static func bind(_ socket: UnsafeMutableRawPointer, _ endpoint: String) throws(ZeroMQError) {
        try check("bind \(endpoint)") { zmq_bind(socket, endpoint) }
    }

    static func connect(_ socket: UnsafeMutableRawPointer, _ endpoint: String) throws(ZeroMQError) {
        try check("connect \(endpoint)") { zmq_connect(socket, endpoint) }
    }

    static func setOption(_ socket: UnsafeMutableRawPointer, _ option: Int32, _ value: Int32) throws(ZeroMQError) {
        var value = value
        try check("setsockopt \(option)") {
            zmq_setsockopt(socket, option, &value, MemoryLayout<Int32>.size)
        }
    }

    static func setOption(_ socket: UnsafeMutableRawPointer, _ option: Int32, _ value: Data) throws(ZeroMQError) {
        try check("setsockopt \(option)") {
            value.withUnsafeBytes { zmq_setsockopt(socket, option, $0.baseAddress, $0.count) }
        }
    }

    static func stringOption(_ socket: UnsafeMutableRawPointer, _ option: Int32) throws(ZeroMQError) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        try check("getsockopt \(option)") { zmq_getsockopt(socket, option, &buffer, &size) }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func intOption(_ socket: UnsafeMutableRawPointer, _ option: Int32) throws(ZeroMQError) -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        try check("getsockopt \(option)") { zmq_getsockopt(socket, option, &value, &size) }
        return value
    }

    /// Sends one frame; `more` marks that another frame of the same message follows.
    static func send(_ socket: UnsafeMutableRawPointer, _ frame: Data, more: Bool) throws(ZeroMQError) {
        let flags = more ? ZMQ_SNDMORE : 0
        try check("send") {
            frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, $0.count, flags) }
        }
    }

    /// Receives one frame (blocking) and whether more frames of the message follow.
    static func receive(_ socket: UnsafeMutableRawPointer) throws(ZeroMQError) -> (frame: Data, more: Bool) {
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        try check("receive") { zmq_msg_recv(&message, socket, 0) }
        let size = zmq_msg_size(&message)
        let frame = size == 0 ? Data() : Data(bytes: zmq_msg_data(&message), count: size)
        return (frame, zmq_msg_more(&message) != 0)
    }

    /// Waits up to `timeout` milliseconds (-1: forever) and returns which sockets are readable.
    static func pollReadable(_ sockets: [UnsafeMutableRawPointer], timeout: Int) throws(ZeroMQError) -> [Bool] {
        var items = sockets.map { zmq_pollitem_t(socket: $0, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        try check("poll") { zmq_poll(&items, Int32(items.count), timeout) }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }

    /// Waits up to `timeout` milliseconds (-1: forever) until the file descriptor is readable.
    static func pollReadable(fileDescriptor: Int32, timeout: Int) throws(ZeroMQError) -> Bool {
        var item = zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: Int16(ZMQ_POLLIN), revents: 0)
        try check("poll") { zmq_poll(&item, 1, timeout) }
        return item.revents & Int16(ZMQ_POLLIN) != 0
    }
}
