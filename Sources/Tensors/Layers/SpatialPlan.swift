/// A convolution-like layer laid against a concrete input shape: channels, the window on each
/// spatial axis, and the output shape. Inputs are `spatial…` (one channel) or `C × spatial…`.
struct SpatialPlan {
    /// The window on each spatial axis.
    let axes: [WindowAxis]
    /// The same axes as a plane (a 1-D layer is a plane of one row).
    let plane: WindowPlane
    /// Input channels (C).
    let channels: Int
    /// Output channels (O).
    let outChannels: Int
    /// The output shape: `O × spatial…`, without the channel axis when the input had none and O = 1.
    let outputShape: [Int]
    /// Output positions per channel.
    let positions: Int
    /// All output units.
    let outputCount: Int
    /// Input units per channel.
    let inputPositions: Int
    /// All input units.
    let inputCount: Int

    /// Spatial input extents.
    var spatialIn: [Int] { axes.map(\.input) }
    /// Spatial output extents.
    var spatialOut: [Int] { axes.map(\.output) }

    /// Plans `window` on `inputShape`; `inChannels` nil accepts any channel count (pooling),
    /// `outChannels` nil keeps the input's.
    init(_ window: Window, input inputShape: [Int], inChannels: Int?, outChannels: Int?,
         layerName: String) throws {
        let rank = window.spatialRank
        let hasChannelAxis: Bool
        switch inputShape.count {
        case rank: hasChannelAxis = false
        case rank + 1: hasChannelAxis = true
        default:
            throw TensorError.shapeMismatch(
                "\(layerName) with a \(rank)-D kernel expects an input of \(rank) axes (one channel) or "
                + "\(rank + 1) (channels first), found \(Tensor.describe(inputShape))")
        }
        let channels = hasChannelAxis ? inputShape[0] : 1
        if let expected = inChannels, expected != channels {
            throw TensorError.shapeMismatch(
                "\(layerName) expects \(expected) input channel(s) (channels first, C × spatial), "
                + "found \(channels) in an input of shape \(Tensor.describe(inputShape))")
        }
        let spatialIn = Array(inputShape.suffix(rank))
        guard spatialIn.allSatisfy({ $0 >= 1 }) else {
            throw TensorError.shapeMismatch("\(layerName) needs a non-empty input, found \(Tensor.describe(inputShape))")
        }
        axes = try window.axes(input: spatialIn, name: layerName)
        plane = WindowPlane(axes)
        let spatialOut = axes.map(\.output)
        let outChannels = outChannels ?? channels
        positions = try Tensor.elementCount(of: spatialOut)
        outputCount = try Tensor.elementCount(of: [outChannels, positions])
        inputPositions = try Tensor.elementCount(of: spatialIn)
        inputCount = try Tensor.elementCount(of: [channels, inputPositions])
        self.channels = channels
        self.outChannels = outChannels
        outputShape = (hasChannelAxis || outChannels > 1 ? [outChannels] : []) + spatialOut
    }
}
