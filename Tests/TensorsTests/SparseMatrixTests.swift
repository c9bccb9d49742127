import Testing
@testable import Tensors

/// [[1, 0, 2], [0, 0, 0], [0, 3, 0]] in CSR form.
private func example() throws -> SparseMatrix {
    try SparseMatrix(rows: 3, columns: 3, rowStarts: [0, 2, 2, 3], columnIndices: [0, 2, 1], values: [1, 2, 3])
}

@Test func sparseMatrixReportsShapeNnzAndDensity() throws {
    let matrix = try example()
    #expect(matrix.shape == [3, 3] && matrix.nnz == 3)
    #expect(abs(matrix.density - 1.0 / 3) < 1e-15)
    let empty = try SparseMatrix(rows: 0, columns: 4, rowStarts: [0], columnIndices: [], values: [])
    #expect(empty.density == 0 && empty.nnz == 0)
}

@Test func sparseMatrixGivesRowsColumnsAndElements() throws {
    let matrix = try example()
    #expect(try matrix.row(0).map(\.column) == [0, 2])
    #expect(try matrix.row(1).isEmpty)
    #expect(try matrix.column(1).map(\.row) == [2])
    #expect(try matrix.element(0, 2) == 2 && matrix.element(1, 1) == 0)
    #expect(throws: TensorError.indexOutOfRange("row 3 is out of range for a matrix with 3 rows")) {
        try matrix.row(3)
    }
    #expect(throws: TensorError.self) { try matrix.column(-1) }
}

@Test func sparseProductsMatchDenseProducts() throws {
    let matrix = try example()
    let vector = makeTensor([3], [1, 10, 100])
    #expect(try matrix.multiply(vector, control: .fresh) == makeTensor([3], [201, 0, 30]))
    let block = arangeTensor([3, 2])
    #expect(try matrix.multiply(block, control: .fresh) == matrix.dense(control: .fresh).matmul(block, control: .fresh))
    #expect(throws: TensorError.self) { try matrix.multiply(arangeTensor([4]), control: .fresh) }
    #expect(throws: TensorError.self) { try matrix.multiply(arangeTensor([3, 1, 1]), control: .fresh) }
}

@Test func denseConversionRespectsTheCap() throws {
    let matrix = try example()
    #expect(try matrix.dense(control: .fresh) == makeTensor([3, 3], [1, 0, 2, 0, 0, 0, 0, 3, 0]))
    let huge = try SparseMatrix(rows: 100_000, columns: 100_000, rowStarts: [Int](repeating: 0, count: 100_001),
                                columnIndices: [], values: [])
    #expect(throws: TensorError.self) { try huge.dense(control: .fresh) }
}

@Test func inconsistentCSRArraysAreRejected() {
    #expect(throws: TensorError.self) {
        try SparseMatrix(rows: 2, columns: 2, rowStarts: [0, 1], columnIndices: [0], values: [1])
    }
    #expect(throws: TensorError.self) {
        try SparseMatrix(rows: 1, columns: 2, rowStarts: [0, 2], columnIndices: [0], values: [1, 2])
    }
    #expect(throws: TensorError.self) {
        try SparseMatrix(rows: 1, columns: -1, rowStarts: [0, 0], columnIndices: [], values: [])
    }
}

@Test func builderSortsAndCombinesRepeatedColumns() {
    var summed = SparseMatrixBuilder(columns: 4, combine: .sum)
    summed.append(column: 3, value: 1)
    summed.append(column: 0, value: 2)
    summed.append(column: 3, value: 4)
    summed.finishRow()
    summed.append(column: 1, value: 5)
    summed.finishRow()
    let matrix = summed.build()
    #expect(matrix.rowStarts == [0, 2, 3] && matrix.columnIndices == [0, 3, 1] && matrix.values == [2, 5, 5])
    var first = SparseMatrixBuilder(columns: 4, combine: .first)
    first.append(column: 2, value: 7)
    first.append(column: 2, value: 8)
    first.finishRow()
    #expect(first.build().values == [7])
}

@Test func sparseIndexingMatchesDenseIndexing() throws {
    let matrix = try example()
    let dense = try matrix.dense(control: .fresh)
    let cases: [[TensorIndex]] = [
        [.index(0)], [.index(-1)], [.slice(start: nil, stop: nil, step: nil), .index(1)],
        [.index(0), .index(2)], [.slice(start: 1, stop: nil, step: nil), .slice(start: nil, stop: nil, step: -1)],
        [.slice(start: 0, stop: 3, step: 2)],
    ]
    for components in cases {
        #expect(try matrix.subscripted(components, control: .fresh) == dense.subscripted(components, control: .fresh), "\(components)")
    }
    #expect(throws: TensorError.indexOutOfRange("index 3 is out of range for axis 0 with size 3")) {
        try matrix.subscripted([.index(3)], control: .fresh)
    }
    #expect(throws: TensorError.self) { try matrix.subscripted([.index(0), .index(0), .index(0)], control: .fresh) }
}

@Test func transposeMovesEveryEntryAndKeepsRowsInOrder() throws {
    // A 2×4 non-square matrix with an empty column, against its dense transpose.
    let matrix = try SparseMatrix(rows: 2, columns: 4, rowStarts: [0, 3, 5], columnIndices: [0, 1, 3, 1, 3],
                                  values: [1, 2, 3, 4, 5])
    let transposed = try matrix.transposed(control: .fresh)
    #expect(transposed.shape == [4, 2])
    #expect(transposed.rowStarts == [0, 1, 3, 3, 5] && transposed.columnIndices == [0, 0, 1, 0, 1])
    #expect(try transposed.dense(control: .fresh) == (try matrix.dense(control: .fresh).transposed(nil, control: .fresh)))
    #expect(try transposed.transposed(control: .fresh) == matrix)
    let control = ExecutionControl(maxElements: 4)
    #expect(throws: TensorError.self) { try matrix.transposed(control: control) }
}
