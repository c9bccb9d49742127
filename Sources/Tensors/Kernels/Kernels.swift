import Foundation

/// The named convolution kernels of the language, as tensors.
///
/// Derivative kernels are written for `correlate` (a positive response where values increase
/// along the axis, left to right or top to bottom); `convolve` flips them.
public enum Kernels {
    /// The direction of a derivative kernel.
    public enum Axis: String, Sendable, CaseIterable {
        /// Along columns (left to right).
        case x
        /// Along rows (top to bottom).
        case y
    }

    /// `[-1, 1]`, the book's edge detector (figure 9.6): a difference of neighbours.
    public static func edge() -> Tensor {
        Tensor(validatedShape: [2], scalars: [-1, 1])
    }

    /// The 3×3 Sobel derivative kernel along `axis`.
    public static func sobel(_ axis: Axis) -> Tensor {
        derivative(axis, smoothing: [1, 2, 1])
    }

    /// The 3×3 Prewitt derivative kernel along `axis`.
    public static func prewitt(_ axis: Axis) -> Tensor {
        derivative(axis, smoothing: [1, 1, 1])
    }

    /// The 3×3 Laplacian `[[0, 1, 0], [1, -4, 1], [0, 1, 0]]`.
    public static func laplacian() -> Tensor {
        Tensor(validatedShape: [3, 3], scalars: [0, 1, 0, 1, -4, 1, 0, 1, 0])
    }

    /// The 3×3 sharpening kernel `[[0, -1, 0], [-1, 5, -1], [0, -1, 0]]`.
    public static func sharpen() -> Tensor {
        Tensor(validatedShape: [3, 3], scalars: [0, -1, 0, -1, 5, -1, 0, -1, 0])
    }

    /// The 3×3 emboss kernel `[[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]`.
    public static func emboss() -> Tensor {
        Tensor(validatedShape: [3, 3], scalars: [-2, -1, 0, -1, 1, 1, 0, 1, 2])
    }

    /// The n×n mean filter: every entry 1/n², summing to 1.
    public static func box(_ size: Int, control: ExecutionControl) throws -> Tensor {
        guard size > 0 else { throw TensorError.invalidArgument("box needs a size ≥ 1, found \(size)") }
        var kernel = try Tensor(repeating: 1, shape: [size, size], control: control)
        let weight = 1 / Double(kernel.count)
        kernel.scalars = kernel.scalars.map { $0 * weight }
        return kernel
    }

    /// The n×n Gaussian exp(-(x² + y²) / 2σ²) centred on the middle, normalised to sum 1.
    public static func gaussian(_ size: Int, sigma: Double, control: ExecutionControl) throws -> Tensor {
        guard size > 0 else { throw TensorError.invalidArgument("gaussian needs a size ≥ 1, found \(size)") }
        guard sigma > 0, sigma.isFinite else {
            throw TensorError.invalidArgument("gaussian needs sigma > 0, found \(Tensor.describe(sigma))")
        }
        try control.checkAllocation(Tensor.elementCount(of: [size, size]))
        let centre = Double(size - 1) / 2
        let profile = (0..<size).map { Foundation.exp(-pow(Double($0) - centre, 2) / (2 * sigma * sigma)) }
        let total = profile.reduce(0, +)
        let normalised = profile.map { $0 / total }
        let values = normalised.flatMap { row in normalised.map { row * $0 } }
        return Tensor(validatedShape: [size, size], scalars: values)
    }

    private static func derivative(_ axis: Axis, smoothing: [Double]) -> Tensor {
        let difference: [Double] = [-1, 0, 1]
        let values: [Double]
        switch axis {
        case .x: values = smoothing.flatMap { weight in difference.map { weight * $0 } }
        case .y: values = difference.flatMap { step in smoothing.map { step * $0 } }
        }
        return Tensor(validatedShape: [3, 3], scalars: values)
    }
}
