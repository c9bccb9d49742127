import Foundation
import Testing
@testable import Tensors

// Random cases with numpy's answers (Fixtures/make_numpy_cases.py). Indexing, padding and
// rolling move values without arithmetic, and sum/mean reproduce numpy's summation order
// (pairwise along the last axis, row by row along others), so every comparison is exact.

private struct Cases: Decodable {
    struct Component: Decodable {
        var index: Int?
        var start: Int?
        var stop: Int?
        var step: Int?

        var tensorIndex: TensorIndex {
            index.map(TensorIndex.index) ?? .slice(start: start, stop: stop, step: step)
        }
    }

    struct Slicing: Decodable {
        var shape: [Int]
        var components: [Component]
        var error: Bool?
        var resultShape: [Int]?
        var values: [Double]?
    }

    struct Padding: Decodable {
        var shape: [Int]
        var mode: String
        var widths: [[Int]]
        var resultShape: [Int]
        var values: [Double]
    }

    struct Rolling: Decodable {
        var shape: [Int]
        var shift: Int
        var axis: Int?
        var values: [Double]
    }

    struct Reducing: Decodable {
        var shape: [Int]
        var input: [Double]
        var reduction: String
        var axis: Int?
        var resultShape: [Int]
        var values: [Double]
    }

    var slicing: [Slicing]
    var padding: [Padding]
    var rolling: [Rolling]
    var reductions: [Reducing]

    static func load() throws -> Cases {
        let url = try #require(Bundle.module.url(forResource: "numpy_cases", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }
}

@Test func slicingMatchesNumpyOnRandomCases() throws {
    for item in try Cases.load().slicing {
        let source = arangeTensor(item.shape)
        let components = item.components.map(\.tensorIndex)
        guard let resultShape = item.resultShape, let values = item.values else {
            #expect(throws: TensorError.self, "\(item)") { try source.subscripted(components, control: .fresh) }
            continue
        }
        let result = try source.subscripted(components, control: .fresh)
        #expect(result == makeTensor(resultShape, values), "\(item)")
        // Assigning the selection's negation back and reading it again must round-trip.
        var target = source
        try target.assign(result.map { -$0 }, at: components, control: .fresh)
        #expect(try target.subscripted(components, control: .fresh) == result.map { -$0 }, "\(item)")
    }
}

@Test func paddingMatchesNumpyOnRandomCases() throws {
    let modes = ["constant": PaddingMode.zero, "reflect": .reflect, "edge": .edge, "wrap": .wrap]
    for item in try Cases.load().padding {
        let mode = try #require(modes[item.mode])
        let widths = item.widths.map { (before: $0[0], after: $0[1]) }
        let padded = try arangeTensor(item.shape).padded(widths, mode: mode, control: .fresh)
        #expect(padded == makeTensor(item.resultShape, item.values), "\(item)")
    }
}

@Test func rollingMatchesNumpyOnRandomCases() throws {
    for item in try Cases.load().rolling {
        let rolled = try arangeTensor(item.shape).rolled(by: [item.shift], axes: item.axis.map { [$0] }, control: .fresh)
        #expect(rolled == makeTensor(item.shape, item.values), "\(item)")
    }
}

@Test func reductionsMatchNumpyOnRandomCases() throws {
    for item in try Cases.load().reductions {
        let reduction = try #require(Reduction(rawValue: item.reduction))
        let result = try makeTensor(item.shape, item.input).reduced(reduction, axis: item.axis, control: .fresh)
        #expect(result == makeTensor(item.resultShape, item.values), "\(item)")
    }
}
