import CZeroMQ

/// The ZeroMQ socket patterns this wrapper offers.
public enum SocketType: Sendable {
    /// Addresses peers by routing identity (Jupyter shell, control, stdin).
    case router
    /// Asynchronous request side, the client of a router.
    case dealer
    /// Publisher that also reports subscriptions (Jupyter iopub).
    case xpub
    /// Subscriber.
    case sub
    /// Strict reply side (Jupyter heartbeat).
    case rep
    /// Strict request side.
    case req
    /// Pipeline sink.
    case pull
    /// Pipeline source.
    case push

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .xpub: ZMQ_XPUB
        case .sub: ZMQ_SUB
        case .rep: ZMQ_REP
        case .req: ZMQ_REQ
        case .pull: ZMQ_PULL
        case .push: ZMQ_PUSH
        }
    }
}
