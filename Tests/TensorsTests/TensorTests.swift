import Testing
@testable import Tensors

@Test func stridesAreRowMajor() {
    #expect(Tensor.strides(for: [2, 3, 4]) == [12, 4, 1])
    #expect(Tensor.strides(for: []) == [])
}

@Test func initRejectsWrongElementCount() {
    #expect(throws: TensorError.self) { try Tensor(shape: [2, 2], scalars: [1, 2, 3]) }
}

@Test func allocationCapIsEnforcedBeforeAllocating() {
    ExecutionControl.withIsolated { control in
        control.maxElements = 10
        #expect(throws: TensorError.self) { try Tensor(repeating: 0, shape: [4, 4]) }
    }
}

@Test func isolatedControlDoesNotLeakIntoTheProcessWideOne() {
    let processCap = ExecutionControl.shared.maxElements
    ExecutionControl.withIsolated { control in
        control.maxElements = 3
        control.requestInterrupt()
        #expect(ExecutionControl.shared === control)
        #expect(throws: TensorError.interrupted) { try ExecutionControl.shared.checkInterrupt() }
    }
    #expect(ExecutionControl.shared.maxElements == processCap)
    #expect(!ExecutionControl.shared.isInterruptRequested)
}
