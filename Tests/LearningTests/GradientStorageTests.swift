import Testing
@testable import Learning
import Tensors
import TestSupport

// The backward rules' fused loops allocate their results as the tensor core does, so a large
// gradient goes on transparent huge pages like any other large tensor (AllocatorPolicy).

@Test func largeGradientsAreAdvisedOntoHugePages() throws {
    let control = ExecutionControl()
    // 2048² doubles: above glibc's largest mmap threshold, so each result is a mapping of its
    // own in the test process and only its own advice can mark it.
    let side = 2048
    let x = try Tensor(shape: [side, side], scalars: (0..<(side * side)).map { Double($0 % 97) - 48 })
    let mapped = try ElementwiseGradient.map(x, control: control) { $0 * 3 }
    let zipped = try ElementwiseGradient.zip(x, mapped, control: control) { $0 + $1 }
    #expect(HugePageAdvice.storageIsAdvised(mapped))
    #expect(HugePageAdvice.storageIsAdvised(zipped))
    #expect(zipped.scalars.indices.allSatisfy { zipped.scalars[$0] == 4 * x.scalars[$0] })
}
