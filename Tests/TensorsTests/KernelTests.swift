import Testing
@testable import Tensors

// Sobel/Prewitt are written for correlation: scipy.ndimage.sobel(img, axis=1) equals
// ndimage.correlate(img, sobel(x)) (checked with scipy on a step image), so the literal
// matrices below are the reference.

@Test func derivativeKernelsAreOrientedForCorrelation() {
    #expect(Kernels.sobel(.x) == makeTensor([3, 3], [-1, 0, 1, -2, 0, 2, -1, 0, 1]))
    #expect(Kernels.sobel(.y) == makeTensor([3, 3], [-1, -2, -1, 0, 0, 0, 1, 2, 1]))
    #expect(Kernels.prewitt(.x) == makeTensor([3, 3], [-1, 0, 1, -1, 0, 1, -1, 0, 1]))
    #expect(Kernels.prewitt(.y) == makeTensor([3, 3], [-1, -1, -1, 0, 0, 0, 1, 1, 1]))
    #expect(Kernels.edge() == makeTensor([2], [-1, 1]))
}

@Test func smoothingKernelsSumToOne() throws {
    #expect(try Kernels.box(3, control: .fresh) == makeTensor([3, 3], [Double](repeating: 1.0 / 9, count: 9)))
    // numpy: x = arange(5) - 2; g = exp(-(x[:, None]**2 + x[None, :]**2) / (2 * 1.3**2)); g /= g.sum()
    let centre = [0.10404229082834693, 0.07739633831611457, 0.009756498284676566]
    let gaussian = try Kernels.gaussian(5, sigma: 1.3, control: .fresh)
    #expect(gaussian.shape == [5, 5])
    // Relative 1e-14: the separable product rounds differently from numpy's 2-D exponent.
    #expect(abs(gaussian.scalars[12] - centre[0]) <= 1e-14 * centre[0])
    #expect(abs(gaussian.scalars[7] - centre[1]) <= 1e-14 * centre[1])
    #expect(abs(gaussian.scalars[0] - centre[2]) <= 1e-14 * centre[2])
    // Even sizes centre between pixels: numpy row 1 of the 4×4, sigma 0.8.
    let even = try Kernels.gaussian(4, sigma: 0.8, control: .fresh)
    #expect(isClose(try even.subscripted([.index(1)], control: .fresh), [4],
                    [0.03581485090378048, 0.17086309761388785, 0.17086309761388785, 0.03581485090378048], tolerance: 1e-14))
    #expect(abs(even.scalars.reduce(0, +) - 1) < 1e-15 * 16)
}

@Test func kernelSizesAreValidated() {
    #expect(throws: TensorError.self) { try Kernels.box(0, control: .fresh) }
    #expect(throws: TensorError.self) { try Kernels.gaussian(3, sigma: 0, control: .fresh) }
}

@Test(arguments: TestImage.allCases)
func testImagesAreDeterministicAndInUnitRange(image: TestImage) throws {
    let first = try image.render(height: 40, width: 56, control: .fresh)
    #expect(first == (try image.render(height: 40, width: 56, control: .fresh)))
    #expect(first.shape == [40, 56])
    #expect(first.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
    #expect(Set(first.scalars).count > 1)
}

@Test func testImagesHaveTheirDescribedContent() throws {
    let square = try TestImage.square.render(height: 8, width: 8, control: .fresh)
    #expect(square.scalars[0] == 0 && square.scalars[2 * 8 + 2] == 1 && square.scalars[5 * 8 + 5] == 1 && square.scalars[6 * 8 + 6] == 0)
    let board = try TestImage.checkerboard.render(height: 16, width: 16, control: .fresh)
    #expect(board.scalars[0] == 0 && board.scalars[2] == 1 && board.scalars[2 * 16] == 1 && board.scalars[2 * 16 + 2] == 0)
    let gradient = try TestImage.gradient.render(height: 2, width: 5, control: .fresh)
    #expect(gradient == makeTensor([2, 5], [0, 0.25, 0.5, 0.75, 1, 0, 0.25, 0.5, 0.75, 1]))
    let disk = try TestImage.disk.render(height: 9, width: 9, control: .fresh)
    #expect(disk.scalars[4 * 9 + 4] == 1 && disk.scalars[0] == 0)
    #expect(throws: TensorError.self) { try TestImage.letter.render(height: 0, width: 3, control: .fresh) }
}
