extension WindowAxis {
    /// Calls `body(output, tap)` for every output and tap that read input index `index`: the
    /// inverse of `source(output:tap:)`, which a gradient with respect to the input sums over
    /// (∂L/∂x[i] = Σ ∂L/∂y[j] · w[q] over these pairs). With a fill other than zeros an input
    /// unit is also read through the padding positions folded onto it. Pairs come in no
    /// particular order; the cost is O(kernel) per position that reads `index`, and the
    /// padding positions are scanned when the fill folds them.
    public func forEachReader(ofInput index: Int, _ body: (_ output: Int, _ tap: Int) -> Void) {
        readers(ofPosition: index, body)
        guard fill != .zero else { return }
        let end = paddedExtent - padding.before
        for position in -padding.before..<min(0, end) where fill.source(position, size: input) == index {
            readers(ofPosition: position, body)
        }
        for position in input..<max(input, end) where fill.source(position, size: input) == index {
            readers(ofPosition: position, body)
        }
    }

    /// The (output, tap) pairs that read input index `index`, in no particular order.
    public func readers(ofInput index: Int) -> [(output: Int, tap: Int)] {
        var pairs: [(output: Int, tap: Int)] = []
        forEachReader(ofInput: index) { pairs.append(($0, $1)) }
        return pairs
    }

    /// The pairs whose padded position is `position`: j·s − before + q·d = position.
    private func readers(ofPosition position: Int, _ body: (_ output: Int, _ tap: Int) -> Void) {
        for tap in 0..<kernel {
            let offset = position + padding.before - tap * dilation
            guard offset >= 0 else { break }
            if offset % stride == 0, offset / stride < output { body(offset / stride, tap) }
        }
    }
}
