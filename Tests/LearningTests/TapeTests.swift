import Testing
import Tensors
@testable import Learning

@Test func plainOperandsRecordNothing() throws {
    let control = ExecutionControl()
    let x = TensorOperand.plain(try Tensor(shape: [2], scalars: [1, 2]))
    let y = try x.combined(with: x, .multiply, control: control)
    #expect(!y.isTraced)
    #expect(y.value.scalars == [1, 4])
}
