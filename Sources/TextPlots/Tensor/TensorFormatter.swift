import Tensors

/// Tensors as text the way numpy's `np.array2string` prints a float64 array, under a header
/// line with the shape (`tensor 2×3`, `tensor 2x3` in ASCII); a rank-0 tensor prints as its
/// number alone.
public enum TensorFormatter {
    /// The tensor as text (and the same text as an HTML `<pre>`), following `options`:
    /// `precision` digits at most, `...` past `threshold` elements, `width` columns per line.
    public static func render(_ tensor: Tensor, options: RenderOptions) -> Figure {
        let text = format(tensor, options: options)
        return Figure(text: text, html: HTMLText.pre(text))
    }

    /// The text alone.
    static func format(_ tensor: Tensor, options: RenderOptions) -> String {
        guard tensor.rank > 0 else {
            let value = tensor.scalars.first ?? .nan
            return ScalarFormat(values: [value], precision: options.precision)(value)
        }
        let header = options.charset.spell("tensor " + Tensor.describe(tensor.shape))
        guard tensor.count > 0 else { return header + "\n[]" }
        let layout = ArrayLayout(tensor: tensor, options: options)
        return header + "\n" + layout.text()
    }
}
