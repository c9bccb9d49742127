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
