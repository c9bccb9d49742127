import CTensorKernels

/// How the process should allocate large tensor buffers; the `receptive` executable applies it
/// once at start (a library must not change a process's allocator behind its back).
///
/// glibc serves every allocation of 32 MiB or more (a 2048² tensor is 32 MiB and 32 bytes) with
/// a fresh `mmap` and returns it with `munmap`, so each such result is zero-filled page by page
/// by the kernel on first touch: 8,192 page faults per 2048² result, 0.47 s of system time in
/// 23 runs of `x * 2`, and the cliff between 1024² and 2048² of issue 20 (`x * 2` 0.84× numpy
/// at 1024², 0.21× at 2048²; `correlate` 5.7× scipy at 1024², 1.15× at 2048²). Served from the
/// heap instead, a buffer freed by one operation is reused by the next without faults:
/// with this policy `x * 2` at 2048² fell from 69 to 8 ms and correlate from 84 to 23 ms in the
/// same run (the machine loaded, both before the kernels were rewritten).
///
/// Only in the main arena, though: a session's code runs on its own thread (`LargeStack`),
/// whose allocations went to a secondary arena made of 64 MiB heaps that hold one 2048² buffer
/// each and are unmapped as soon as it is freed, so 2048² and 4096² results still faulted in
/// every page. One arena for the process (`M_ARENA_MAX` 1) puts them in the main heap; the
/// threads that share it allocate little (a scratch buffer per chunk of a kernel). Measured on
/// `correlate(x, k3, mode: "same")` (41 timed calls, `perf stat`): 2048² page faults 74,841 →
/// 17,475 for the whole run; 4096² median 165 → 44 ms in the same minute.
public enum AllocatorPolicy {
    /// Free heap memory kept at the top of the heap rather than returned to the system: large
    /// enough for a 4096² result (128 MiB) to be reused by the next, small enough to bound
    /// what an idle kernel keeps after a cell that used gigabytes (that is returned at once).
    public static let retainedBytes = 256 << 20

    /// Serves large allocations from the heap and keeps up to `retainedBytes` of freed memory
    /// (glibc's `mallopt`; nothing elsewhere). Returns whether the policy applies.
    @discardableResult
    public static func keepLargeBuffersInTheHeap() -> Bool {
        receptive_keep_large_buffers_in_heap(retainedBytes) != 0
    }
}

extension AllocatorPolicy {
    /// Buffers of this many bytes or more are put on transparent huge pages, as numpy does
    /// (`numpy/_core/src/multiarray/alloc.c`, 4 MiB): below it a buffer spans at most one whole
    /// 2 MiB page, and the `madvise` call and the split of the heap's mapping it causes would
    /// cost more than the page would save.
    public static let hugePageThreshold = 4 << 20

    /// The transparent huge page of x86-64 and of arm64 with 4 KiB pages (one page-table entry
    /// of the middle level).
    public static let hugePageSize = 2 << 20

    /// Puts the whole 2 MiB pages inside `buffer` on transparent huge pages when it holds
    /// `hugePageThreshold` bytes or more, before anything is written to it; returns the bytes
    /// advised (0 below the threshold).
    ///
    /// Why (measured): matrix × vector at 2048² reads a 32 MiB matrix once per call; numpy,
    /// whose arrays of 4 MiB and more sit on 2 MiB pages, ran it in 0.36–0.43 ms where
    /// Receptive's matrix on 4 KiB pages took 0.56–0.61 ms (C harness, one thread; 0.50–0.52 on
    /// 2 MiB pages). With this, `timeit(x @ v, repeat: 801)` in `receptive run`, 9 pairs
    /// alternating the two binaries on the loaded machine: 0.64–1.08 ms (median 0.87) before,
    /// 0.51–0.94 (median 0.56) after, faster in 8 pairs of 9.
    ///
    /// Advice alone is not enough: a large buffer usually reuses heap memory that an earlier
    /// one (or `load`'s file bytes) faulted in as 4 KiB pages, and `MADV_HUGEPAGE` only governs
    /// pages faulted in later (the 2048² matrix had 16 of its 32 MiB on huge pages with it,
    /// 30 MiB with the collapse as well: `AnonHugePages` in `/proc/PID/smaps_rollup`). So the
    /// range is also collapsed (`MADV_COLLAPSE`), once per stretch of heap: freed, it keeps its
    /// huge pages for the next buffer there, and the heap policy above (one arena, no `mmap`,
    /// 256 MiB kept) is what keeps them from being returned.
    ///
    /// Only the pages inside the buffer, not an aligned allocation: a tensor's storage is a
    /// Swift `[Double]` whose buffer the Swift runtime takes from `malloc` (its header in
    /// front), so it cannot be `posix_memalign`ed; the partial pages at its ends (under 2 MiB
    /// each, at most a sixteenth of a 2048² buffer) stay small. The `madvise` calls are in
    /// `Allocator.c`.
    @discardableResult
    public static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard buffer.count >= hugePageThreshold, let base = buffer.baseAddress else { return 0 }
        return receptive_advise_huge_pages(base, buffer.count, hugePageSize)
    }
}

extension Array where Element == Double {
    /// `init(unsafeUninitializedCapacity:initializingWith:)` for tensor storage: a buffer of
    /// `AllocatorPolicy.hugePageThreshold` bytes or more is advised onto huge pages before
    /// `initializer` first writes it.
    init(tensorStorageCapacity count: Int,
         initializingWith initializer: (inout UnsafeMutableBufferPointer<Double>, inout Int) throws -> Void) rethrows {
        try self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            AllocatorPolicy.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            try initializer(&buffer, &initialized)
        }
    }
}

extension Array where Element == Double {
    /// `count` zeros as tensor storage, for results that are accumulated into rather than
    /// written once (gradients, padded copies, scatters): allocated as every tensor's storage
    /// is (`init(tensorStorageCapacity:)`, so on huge pages from
    /// `AllocatorPolicy.hugePageThreshold`), where `[Double](repeating: 0, count:)` filled the
    /// buffer on whatever pages the heap had. Public so that the `Learning` target's gradients
    /// are allocated the same way.
    public init(zeroedTensorStorage count: Int) {
        self.init(tensorStorageCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            initialized = count
        }
    }
}
