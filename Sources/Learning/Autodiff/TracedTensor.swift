import Tensors

/// A tensor recorded on a tape: its value, and the node that knows how it was computed.
public struct TracedTensor: Sendable {
    /// The tensor itself.
    public let value: Tensor
    /// The tape it was recorded on.
    public let tape: Tape
    /// Its node on the tape.
    let node: Int

    init(value: Tensor, tape: Tape, node: Int) {
        self.value = value
        self.tape = tape
        self.node = node
    }
}
