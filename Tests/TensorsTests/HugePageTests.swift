import Foundation
import Testing
@testable import Tensors
import TestSupport

// Large tensor storage goes on transparent huge pages (AllocatorPolicy.adviseHugePages): only
// above the threshold, only on whole 2 MiB pages inside the buffer, and the elements written
// are the elements read, whatever the kernel did with the pages underneath.

@Test func buffersBelowTheThresholdAreNotAdvised() {
    let count = AllocatorPolicy.hugePageThreshold / MemoryLayout<Double>.stride - 1
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
    defer { buffer.deallocate() }
    #expect(AllocatorPolicy.adviseHugePages(UnsafeMutableRawBufferPointer(buffer)) == 0)
}

@Test func largeBuffersAreAdvisedOnTheWholeHugePagesInsideThem() {
    let size = AllocatorPolicy.hugePageSize
    for bytes in [AllocatorPolicy.hugePageThreshold, AllocatorPolicy.hugePageThreshold + 8, 32 << 20] {
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 16)
        defer { raw.deallocate() }
        let advised = AllocatorPolicy.adviseHugePages(raw)
        #if os(Linux)
        let start = UInt(bitPattern: raw.baseAddress!)
        let first = (start + UInt(size) - 1) / UInt(size) * UInt(size)
        let end = (start + UInt(bytes)) / UInt(size) * UInt(size)
        // Exactly the 2 MiB-aligned pages that lie wholly inside the buffer: at least all but
        // one page's worth at each end.
        #expect(advised == Int(end - first))
        #expect(advised % size == 0 && advised > bytes - 2 * size && advised <= bytes)
        // The kernel recorded the advice ("hg") unless it has no transparent huge pages.
        let flags = HugePageAdvice.mappingFlags(containing: first)
        #expect(flags != nil)
        #expect(flags?.contains(" hg") == true || !HugePageAdvice.transparentHugePagesAvailable)
        #else
        #expect(advised == 0)
        #endif
    }
}

@Test func largeTensorsKeepTheirElements() throws {
    // 1536 × 1536 doubles = 18 MiB: several huge pages and partial pages at both ends.
    let side = 1536, count = side * side
    let tensor = Tensor(uninitializedShape: [side, side], count: count) { base in
        for index in 0..<count { base[index] = Double(index) * 0.5 - 7 }
    }
    let scalars = tensor.scalars
    #expect(scalars.count == count)
    #expect(scalars.indices.allSatisfy { scalars[$0] == Double($0) * 0.5 - 7 })
    let doubled = try Tensor(shape: [side, side], scalars: scalars.map { $0 * 2 })
    let product = [Double](tensorStorageCapacity: count) { buffer, initialized in
        for index in 0..<count { buffer[index] = doubled.scalars[index] + 1 }
        initialized = count
    }
    #expect(product.indices.allSatisfy { product[$0] == Double($0) - 13 })
}

@Test func tensorsFilledBySwiftAreAdvisedToo() throws {
    // 2048² doubles from every creator whose elements Swift writes rather than a kernel: each
    // must allocate through `init(tensorStorageCapacity:)` like the kernels' results, or this
    // fails. Above glibc's largest mmap threshold (32 MiB) each buffer is a mapping of its own
    // in the test process, so no earlier advice on reused heap memory can make it pass.
    let control = ExecutionControl()
    let side = 2048, shape = [side, side]
    var generator = RandomGenerator(seed: 7)
    let creators: [(String, () throws -> Tensor)] = [
        ("zeros", { try Tensor.zeros(shape, control: control) }),
        ("ones", { try Tensor.ones(shape, control: control) }),
        ("eye", { try Tensor.eye(side, control: control) }),
        ("random", { try Tensor.random(shape, using: &generator, control: control) }),
        ("randn", { try Tensor.randomNormal(shape, using: &generator, control: control) }),
    ]
    for (name, create) in creators {
        #expect(HugePageAdvice.storageIsAdvised(try create()), "\(name)")
    }
    let full = try Tensor(repeating: 2.5, shape: shape, control: control)
    #expect(HugePageAdvice.storageIsAdvised(full), "full")
    #expect(full.scalars.allSatisfy { $0 == 2.5 })
    let eye = try Tensor.eye(side, control: control)
    #expect(eye.scalars[side + 1] == 1 && eye.scalars[1] == 0 && eye.scalars.reduce(0, +) == Double(side))
}

@Test func zeroedBuffersAndTheResultsBuiltOnThemAreAdvised() throws {
    // Results accumulated into a zeroed buffer (gradients, padded copies, scatters, sparse
    // products) take it from `init(zeroedTensorStorage:)`, on huge pages like every tensor's
    // storage; 2048² doubles are above glibc's largest mmap threshold, so each is a mapping of
    // its own here and no earlier advice can make this pass.
    let control = ExecutionControl()
    let count = 2048 * 2048
    let zeros = [Double](zeroedTensorStorage: count)
    #expect(zeros.count == count && zeros.allSatisfy { $0 == 0 })
    #expect(HugePageAdvice.storageIsAdvised(Tensor(validatedShape: [count], scalars: zeros)))
    var generator = RandomGenerator(seed: 3)
    let x = try Tensor.random([2046, 2046], using: &generator, control: control)
    let padded = try x.padded([(1, 1), (1, 1)], control: control)
    #expect(HugePageAdvice.storageIsAdvised(padded), "padded")
    #expect(padded.scalars[0] == 0 && padded.scalars[2048 + 1] == x.scalars[0])
    let flipped = try padded.flipped(control: control)
    #expect(HugePageAdvice.storageIsAdvised(flipped), "flipped")
    #expect(flipped.scalars[count - 2048 - 2] == x.scalars[0])
}
