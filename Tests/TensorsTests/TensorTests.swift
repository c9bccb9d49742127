import Testing
@testable import Tensors

@Test func stridesAreRowMajor() {
    #expect(Tensor.strides(for: [2, 3, 4]) == [12, 4, 1])
    #expect(Tensor.strides(for: []) == [])
}

@Test func initRejectsWrongElementCount() {
    #expect(throws: TensorError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
}

@Test func allocationCapIsEnforcedBeforeAllocating() throws {
    let control = ExecutionControl(maxElements: 10)
    #expect(throws: TensorError.limitExceeded(
        "a tensor of 16 elements exceeds the cap of 10; use smaller sizes or raise it with set(max_elements:)")) {
        try Tensor(repeating: 0, shape: [4, 4], control: control)
    }
    #expect(try Tensor(repeating: 0, shape: [2, 5], control: control).count == 10)
}

@Test func controlsAreIndependent() throws {
    let small = ExecutionControl(maxElements: 3)
    let other = ExecutionControl()
    small.requestInterrupt()
    #expect(throws: TensorError.interrupted) { try small.checkInterrupt() }
    try other.checkInterrupt()
    #expect(other.maxElements == ExecutionControl.defaultMaxElements)
    #expect(try Tensor(repeating: 0, shape: [4], control: other).count == 4)
    small.clearInterrupt()
    try small.checkInterrupt()
    // A cap below one element is raised to one.
    small.maxElements = 0
    #expect(small.maxElements == 1)
}
