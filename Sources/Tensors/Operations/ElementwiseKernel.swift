/// The loops behind `combined`: the result is produced one row (a run along the last axis) at
/// a time, and each row picks its loop once, outside the elements, so the body is a single
/// arithmetic instruction on contiguous or constant operands that the compiler vectorises.
enum ElementwiseKernel {
    /// Elements per interrupt check on a contiguous result.
    private static let chunk = 1 << 16

    /// `operation` over operands read at `leftStrides`/`rightStrides` (0 along broadcast axes)
    /// for every position of `shape`, in row-major order.
    static func combine(_ left: [Double], _ leftStrides: [Int], _ right: [Double], _ rightStrides: [Int],
                        shape: [Int], count: Int, _ operation: BinaryOperation,
                        control: ExecutionControl) throws -> [Double] {
        var result = [Double](repeating: 0, count: count)
        guard count > 0 else { return result }
        try left.withUnsafeBufferPointer { a in
            try right.withUnsafeBufferPointer { b in
                try result.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    if let (leftStep, rightStep) = flatSteps(leftStrides, rightStrides, shape) {
                        for start in stride(from: 0, to: count, by: chunk) {
                            try control.checkInterrupt()
                            row(operation, a + start * leftStep, leftStep, b + start * rightStep, rightStep,
                                c + start, Swift.min(chunk, count - start))
                        }
                        return
                    }
                    try eachRow(shape, leftStrides, rightStrides) { leftOffset, rightOffset, position in
                        try control.checkInterrupt()
                        row(operation, a + leftOffset, leftStrides.last ?? 0, b + rightOffset, rightStrides.last ?? 0,
                            c + position, shape.last ?? 1)
                    }
                }
            }
        }
        return result
    }

    /// Steps (1 or 0) when the whole result is one row: both operands contiguous over the
    /// result, or one of them a single element.
    private static func flatSteps(_ left: [Int], _ right: [Int], _ shape: [Int]) -> (Int, Int)? {
        // Axes of extent 1 are never stepped along, so their strides do not matter.
        let contiguous = Tensor.strides(for: shape)
        let axes = shape.indices.filter { shape[$0] != 1 }
        func step(_ strides: [Int]) -> Int? {
            if axes.allSatisfy({ strides[$0] == contiguous[$0] }) { return 1 }
            if axes.allSatisfy({ strides[$0] == 0 }) { return 0 }
            return nil
        }
        guard let leftStep = step(left), let rightStep = step(right) else { return nil }
        return (leftStep, rightStep)
    }

    /// Calls `body(leftOffset, rightOffset, resultOffset)` at the start of every row.
    private static func eachRow(_ shape: [Int], _ left: [Int], _ right: [Int],
                                _ body: (Int, Int, Int) throws -> Void) throws {
        let rank = shape.count
        let rowLength = shape.last ?? 1
        let rows = shape.dropLast().reduce(1, *)
        var counter = [Int](repeating: 0, count: Swift.max(rank - 1, 0))
        var leftBase = 0, rightBase = 0
        for rowIndex in 0..<rows {
            try body(leftBase, rightBase, rowIndex * rowLength)
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] += 1
                leftBase += left[axis]
                rightBase += right[axis]
                if counter[axis] < shape[axis] { break }
                leftBase -= left[axis] * shape[axis]
                rightBase -= right[axis] * shape[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }

    /// One row: `c[i] = operation(a[i·aStep], b[i·bStep])` for `i` in `0..<count`, steps 0 or 1.
    private static func row(_ operation: BinaryOperation, _ a: UnsafePointer<Double>, _ aStep: Int,
                            _ b: UnsafePointer<Double>, _ bStep: Int, _ c: UnsafeMutablePointer<Double>, _ count: Int) {
        switch operation {
        case .add: loop(a, aStep, b, bStep, c, count) { $0 + $1 }
        case .subtract: loop(a, aStep, b, bStep, c, count) { $0 - $1 }
        case .multiply: loop(a, aStep, b, bStep, c, count) { $0 * $1 }
        case .divide: loop(a, aStep, b, bStep, c, count) { $0 / $1 }
        // numpy squares for `x ** 2` (fast_scalar_power) instead of calling pow.
        case .power where bStep == 0 && b[0] == 2: loop(a, aStep, b, bStep, c, count) { x, _ in x * x }
        default: loop(a, aStep, b, bStep, c, count) { operation.apply($0, $1) }
        }
    }

    // Steps are 1 (contiguous) or 0 (one broadcast element): the last axis of a row-major
    // operand has stride 1 unless it is broadcast.
    @inline(__always)
    private static func loop(_ a: UnsafePointer<Double>, _ aStep: Int, _ b: UnsafePointer<Double>, _ bStep: Int,
                             _ c: UnsafeMutablePointer<Double>, _ count: Int, _ element: (Double, Double) -> Double) {
        switch (aStep, bStep) {
        case (1, 1): for i in 0..<count { c[i] = element(a[i], b[i]) }
        case (1, _): let s = b[0]; for i in 0..<count { c[i] = element(a[i], s) }
        case (_, 1): let s = a[0]; for i in 0..<count { c[i] = element(s, b[i]) }
        default: let value = element(a[0], b[0]); for i in 0..<count { c[i] = value }
        }
    }
}
