import Foundation
import Testing
@testable import Tensors

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
        let flags = mappingFlags(containing: first)
        #expect(flags != nil)
        #expect(flags?.contains(" hg") == true || !transparentHugePagesAvailable())
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

/// The `VmFlags` line of the mapping of this process that holds `address` (Linux's smaps).
private func mappingFlags(containing address: UInt) -> String? {
    // Read to the end: /proc reports a size of 0, which String(contentsOfFile:) believes.
    guard let file = FileHandle(forReadingAtPath: "/proc/self/smaps"),
          let data = try? file.readToEnd(), let smaps = String(data: data, encoding: .utf8) else { return nil }
    defer { try? file.close() }
    var inside = false
    for line in smaps.split(separator: "\n") {
        if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
           let low = UInt(line[..<dash], radix: 16), let high = UInt(line[line.index(after: dash)..<space], radix: 16) {
            inside = low <= address && address < high
        } else if inside, line.hasPrefix("VmFlags:") {
            return String(line)
        }
    }
    return nil
}

/// Whether the kernel offers transparent huge pages at all (its setting is not `[never]`).
private func transparentHugePagesAvailable() -> Bool {
    guard let setting = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled",
                                    encoding: .utf8) else { return false }
    return !setting.contains("[never]")
}
