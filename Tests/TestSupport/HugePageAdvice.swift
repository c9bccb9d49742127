import Foundation
import Tensors

/// What the kernel recorded about the memory of this process (Linux's `/proc/self/smaps`), for
/// the tests that check large tensor storage is advised onto transparent huge pages
/// (`AllocatorPolicy.adviseHugePages`) by whichever code allocated it.
public enum HugePageAdvice {
    /// The `VmFlags` line of the mapping that holds `address`; nil off Linux or when no mapping
    /// holds it.
    public static func mappingFlags(containing address: UInt) -> String? {
        // Read to the end: /proc reports a size of 0, which String(contentsOfFile:) believes.
        guard let file = FileHandle(forReadingAtPath: "/proc/self/smaps"),
              let data = try? file.readToEnd(), let smaps = String(data: data, encoding: .utf8) else { return nil }
        defer { try? file.close() }
        var inside = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let low = UInt(line[..<dash], radix: 16),
               let high = UInt(line[line.index(after: dash)..<space], radix: 16) {
                inside = low <= address && address < high
            } else if inside, line.hasPrefix("VmFlags:") {
                return String(line)
            }
        }
        return nil
    }

    /// Whether the kernel offers transparent huge pages at all (its setting is not `[never]`).
    public static var transparentHugePagesAvailable: Bool {
        guard let setting = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled",
                                        encoding: .utf8) else { return false }
        return !setting.contains("[never]")
    }

    /// Whether the first whole huge page inside `tensor`'s storage carries the huge-page advice
    /// ("hg"), or the kernel has no transparent huge pages (nothing to check then). The tensor
    /// must be row-major and hold `AllocatorPolicy.hugePageThreshold` bytes or more.
    public static func storageIsAdvised(_ tensor: Tensor) -> Bool {
        guard transparentHugePagesAvailable else { return true }
        let size = UInt(AllocatorPolicy.hugePageSize)
        let start = tensor.scalars.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let firstWholePage = (start + size - 1) / size * size
        return mappingFlags(containing: firstWholePage)?.contains(" hg") == true
    }
}
