import CZeroMQ
import Foundation

extension Socket {
    /// Makes an XPUB socket pass every subscription up, repeats included, so a publisher can
    /// greet each new subscriber (Jupyter's `iopub_welcome`).
    public func setXPubVerbose(_ on: Bool) throws(ZeroMQError) {
        try LibZMQ.setOption(handle, ZMQ_XPUB_VERBOSE, on ? 1 : 0)
    }

    /// Lets a ROUTER give a routing identity to a new peer that reuses it (a reconnecting client).
    public func setRouterHandover(_ on: Bool) throws(ZeroMQError) {
        try LibZMQ.setOption(handle, ZMQ_ROUTER_HANDOVER, on ? 1 : 0)
    }

    /// Sets the routing identity this socket announces to a ROUTER peer; set before connecting.
    public func setRoutingID(_ identity: Data) throws(ZeroMQError) {
        try LibZMQ.setOption(handle, ZMQ_ROUTING_ID, identity)
    }

    /// Subscribes a SUB socket to messages whose first frame starts with `prefix`.
    public func subscribe(_ prefix: Data = Data()) throws(ZeroMQError) {
        try LibZMQ.setOption(handle, ZMQ_SUBSCRIBE, prefix)
    }

    /// Makes this socket a CurveZMQ server: peers must know its public key to connect, and all
    /// traffic is encrypted. `secretKey` is the server's 40-character Z85 secret key; set before
    /// binding.
    public func setCurveServer(secretKey: String) throws(ZeroMQError) {
        try LibZMQ.setOption(handle, ZMQ_CURVE_SERVER, 1)
        try LibZMQ.setOption(handle, ZMQ_CURVE_SECRETKEY, Data(secretKey.utf8))
    }

    /// libzmq's ZMQ_FD: a descriptor that becomes readable when the socket may have new events.
    /// It is edge-triggered and any call on the socket may consume the edge, so after each
    /// wake-up, and after each call that might have taken one in, check `hasMessageToReceive`.
    public func signalDescriptor() throws(ZeroMQError) -> Int32 {
        try LibZMQ.intOption(handle, ZMQ_FD)
    }

    /// Whether a message can be received now without blocking (ZMQ_EVENTS has ZMQ_POLLIN).
    public func hasMessageToReceive() throws(ZeroMQError) -> Bool {
        try LibZMQ.intOption(handle, ZMQ_EVENTS) & Int32(ZMQ_POLLIN) != 0
    }
}
