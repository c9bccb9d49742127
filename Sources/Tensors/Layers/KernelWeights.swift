/// Where a layer's weights come from.
public enum KernelWeights: Sendable, Equatable {
    /// The weights themselves, shaped `out × in × k…`; unshared and tiled layers start with
    /// this kernel copied to every position or tile.
    case given(Tensor)
    /// Random weights drawn reproducibly, one per distinct weight index.
    case seeded(SeededWeights)
}
