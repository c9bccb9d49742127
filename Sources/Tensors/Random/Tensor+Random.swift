extension Tensor {
    /// Uniform numbers in [0, 1) drawn from `generator` in row-major order.
    public static func random(_ shape: [Int], using generator: inout RandomGenerator,
                              control: ExecutionControl) throws -> Tensor {
        let count = try elementCount(of: shape)
        try control.checkAllocation(count)
        return try Tensor(uninitializedShape: shape, count: count) { values in
            for index in 0..<count {
                if index & 0xFFFF == 0 { try control.checkInterrupt() }
                values[index] = generator.nextUniform()
            }
        }
    }

    /// Standard normal numbers (Box–Muller, both numbers of each pair used) from `generator`.
    public static func randomNormal(_ shape: [Int], using generator: inout RandomGenerator,
                                    control: ExecutionControl) throws -> Tensor {
        let count = try elementCount(of: shape)
        try control.checkAllocation(count)
        return try Tensor(uninitializedShape: shape, count: count) { values in
            var index = 0
            while index < count {
                if index & 0xFFFF == 0 { try control.checkInterrupt() }
                let (first, second) = generator.nextNormalPair()
                values[index] = first
                if index + 1 < count { values[index + 1] = second }
                index += 2
            }
        }
    }
}
