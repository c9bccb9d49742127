import Testing
@testable import Tensors

private func widthThree(padding: Int = 0, stride: Int = 1, dilation: Int = 1) throws -> Layer {
    var specification = LayerSpecification(kernel: .width(3))
    specification.window.padding = .widths([padding])
    specification.window.stride = [stride]
    specification.window.dilation = [dilation]
    return try specification.convolution()
}

@Test func figure94TwoLayersLetTheMiddleTopUnitSeeAllFiveInputs() throws {
    let layer = try widthThree(padding: 1)
    let field = try ReceptiveField(stack: [layer, layer], input: [5], at: [2], control: .fresh)
    #expect(field.mask == makeTensor([5], [1, 1, 1, 1, 1]))
    #expect(field.ranges == [0...4])
    #expect(field.levels.map(\.affecting) == [5, 3, 1])
    #expect(field.levels.map(\.extent) == [[1], [3], [5]])
    // One layer alone: g3's neighbourhood is only x2…x4.
    let single = try ReceptiveField(stack: [layer], input: [5], at: [2], control: .fresh)
    #expect(single.mask == makeTensor([5], [0, 1, 1, 1, 0]) && single.ranges == [1...3])
}

@Test func edgeUnitsSeeLessBecauseOfZeroPadding() throws {
    let layer = try widthThree(padding: 1)
    let field = try ReceptiveField(stack: [layer, layer], input: [5], at: [0], control: .fresh)
    #expect(field.mask == makeTensor([5], [1, 1, 1, 0, 0]))
}

@Test func strideDilationAndPoolingGrowTheField() throws {
    var pool = LayerSpecification(kernel: .width(2))
    pool.window.stride = [2]
    let stack = [try widthThree(), try pool.pooling(.max), try widthThree(dilation: 2)]
    let field = try ReceptiveField(stack: stack, input: [40], at: nil, control: .fresh)
    // Extents: 3, then 3 + 1·1 = 4 (jump 2), then 4 + 2·2·2 = 12.
    #expect(field.levels.map(\.extent) == [[1], [3], [4], [12]])
    #expect(field.levels.last?.shape == [15])
    #expect(field.at == [7])
    #expect(field.ranges == [14...25] && field.mask.scalars.reduce(0, +) == 12)
}

@Test func twoDimensionalFieldIsABox() throws {
    let layer = try LayerSpecification(kernel: .shape([3, 3])).convolution()
    let field = try ReceptiveField(stack: [layer, layer], input: [7, 7], at: [1, 2], control: .fresh)
    #expect(field.ranges == [1...5, 2...6])
    #expect(field.mask.scalars.reduce(0, +) == 25)
    #expect(field.levels.map(\.extent) == [[1, 1], [3, 3], [5, 5]])
}

@Test func denseLayerSeesEverythingAndBadUnitsAreIndexErrors() throws {
    let stack = [try widthThree(), Layer.dense(try DenseLayer(inputs: 8, outputs: 4))]
    let field = try ReceptiveField(stack: stack, input: [10], at: [0], control: .fresh)
    #expect(field.mask.scalars.allSatisfy { $0 == 1 })
    #expect(field.levels.last?.extent == nil)
    #expect(throws: TensorError.self) { try ReceptiveField(stack: stack, input: [10], at: [4], control: .fresh) }
    #expect(throws: TensorError.self) { try ReceptiveField(stack: [], input: [10], at: nil, control: .fresh) }
}

@Test func fieldAgreesWithBruteForcePerturbation() throws {
    var random = LayerTestRandom(seed: 97)
    for _ in 0..<30 {
        let first = try RandomLayerCase.draw(&random, allowWrap: false)
        let shape = try first.layer.outputShape(input: first.input)
        let second = try widthThree(padding: random.integer(0...1))
        guard shape.count == 1 || (shape.count == 2 && shape[0] == 1), shape.last ?? 0 >= 3 else { continue }
        let stack = [first.layer, second]
        let field = try ReceptiveField(stack: stack, input: first.input, at: nil, control: .fresh)
        // Perturb each input unit alone: it affects the top unit iff the mask says so
        // (weights are random, so a cancellation to exactly 0 does not happen).
        let base = random.tensor(first.input)
        let top = try stack.reduce(base) { try $1($0, control: .fresh) }
        let flatAt = zip(field.at, Tensor.strides(for: top.shape)).reduce(0) { $0 + $1.0 * $1.1 }
        for unit in 0..<base.count {
            var perturbed = base
            perturbed.scalars[unit] += 1
            let moved = try stack.reduce(perturbed) { try $1($0, control: .fresh) }.scalars[flatAt] != top.scalars[flatAt]
            #expect(moved == (field.mask.scalars[unit] == 1), "\(first) unit \(unit)")
        }
    }
}

@Test func denseLayersLowInALargeStackAreFast() throws {
    let stack = [Layer.dense(try DenseLayer(inputs: 4_000, outputs: 4_000)), try widthThree(padding: 1)]
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        let field = try ReceptiveField(stack: stack, input: [4_000], at: nil, control: .fresh)
        #expect(field.mask.scalars.allSatisfy { $0 == 1 } && field.levels.map(\.affecting) == [4_000, 3, 1])
    }
    // A dense pass over the 89,320 × 89,600 matrix would take minutes; 10 s catches that
    // without timing the code on a loaded machine (speed is measured in benchmarks/bench.py).
    #expect(elapsed < .seconds(10))
}
