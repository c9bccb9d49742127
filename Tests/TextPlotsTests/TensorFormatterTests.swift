import Foundation
import Tensors
import Testing
@testable import TextPlots

/// One tensor and the text numpy 2 prints for it (from `Golden/make_tensor_cases.py`).
struct NumpyCase: Decodable, CustomTestStringConvertible {
    let name: String
    let shape: [Int]
    let values: [String]
    let width: Int
    let precision: Int
    let threshold: Int
    let edgeItems: Int
    let expected: String

    var testDescription: String { name }

    static let all: [NumpyCase] = {
        guard let data = GoldenFile.contents("tensor_numpy_cases.json") else { return [] }
        return (try? JSONDecoder().decode([NumpyCase].self, from: data)) ?? []
    }()
}

@Test func numpyCasesAreLoaded() {
    #expect(NumpyCase.all.count >= 40)
}

@Test(arguments: NumpyCase.all)
func tensorTextMatchesNumpy(_ numpyCase: NumpyCase) throws {
    let scalars = numpyCase.values.compactMap(Double.init)
    #expect(scalars.count == numpyCase.values.count)
    let tensor = numpyCase.shape.isEmpty
        ? Tensor(scalar: scalars.first ?? .nan)
        : try Tensor(shape: numpyCase.shape, scalars: scalars)
    let options = RenderOptions(width: numpyCase.width, precision: numpyCase.precision,
                                threshold: numpyCase.threshold, edgeItems: numpyCase.edgeItems)
    #expect(TensorFormatter.render(tensor, options: options).text == numpyCase.expected)
}

@Test func tensorHTMLIsTheEscapedTextInPre() throws {
    let tensor = try Tensor(shape: [2], scalars: [1, -2])
    let figure = TensorFormatter.render(tensor, options: RenderOptions())
    #expect(figure.html == HTMLText.preOpening + "tensor 2\n[ 1. -2.]</pre>")
    #expect(HTMLText.escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
}
