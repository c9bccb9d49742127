import CTensorKernels
import Foundation

/// Splits a loop over independent work units into chunks, runs the chunks on every core when
/// the work is large, and stops early (throwing `interrupted`) when the user interrupts.
///
/// Public so that the backward passes of the `Learning` target split their loops the same way.
public enum ParallelLoop {
    /// Multiply-adds per chunk: small enough that an interrupt is seen within a millisecond or
    /// so, large enough that scheduling a chunk costs little next to running it.
    static let chunkCost = 1 << 19

    /// Below this many multiply-adds in total the loop stays on the calling thread; from it,
    /// the loop is split over every core even when it falls short of a full chunk per core.
    /// The small CNN's 32×8×26×26 relu (173 k) gains from both cores, but the 280×320 figure
    /// 9.6 pair's elementwise steps (90 k) lost more to waking a second thread than they gained
    /// (`grad` in a loop: 22.6 → 26–30 ms with the split starting at 2^16).
    static let parallelThreshold = 1 << 17

    /// The number of cores available to the process: the chunking's and the worker pool's
    /// (passed to `receptive_pool_run`, which starts one fewer workers on first use).
    static let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` with consecutive ranges covering `0..<units`, possibly concurrently;
    /// `costPerUnit` (roughly multiply-adds per unit) decides the chunking. Different units
    /// must write different memory. Progress (chunks done) is reported under `label` to
    /// `control`'s observer (for work of `briefCost` or more), and `control`'s interrupt stops
    /// the loop between chunks.
    public static func run(_ label: String, units: Int, costPerUnit: Int, control: ExecutionControl,
                           _ body: (Range<Int>) -> Void) throws {
        guard units > 0 else { return }
        let (total, overflow) = units.multipliedReportingOverflow(by: max(1, costPerUnit))
        let totalCost = overflow ? Int.max : total
        // Work worth dispatching at all is split over every core, however far it falls short
        // of a full chunk per core: the layers of a small network (a 32×8×26×26 relu, its
        // pooling) fell short of one chunk and ran on one core of two. And a whole number of
        // chunks per core: the small CNN's first convolution made 3 chunks, which two cores
        // finish in the time of 2 (a third of the work idle on one core). Below the threshold
        // the count comes out as one chunk, which runs on the calling thread.
        let chunks: Int
        if totalCost >= parallelThreshold, coreCount > 1 {
            let perCore = max(1, (totalCost / chunkCost + coreCount - 1) / coreCount)
            chunks = min(units, perCore * coreCount)
        } else {
            chunks = min(units, max(1, totalCost / chunkCost))
        }
        if totalCost < briefCost {
            try run(chunks: chunks, units: units, progress: nil, control: control, body)
            return
        }
        try control.trackProgress(label, total: chunks) { progress in
            try run(chunks: chunks, units: units, progress: progress, control: control, body)
        }
    }

    /// Below this many multiply-adds in total (~10 µs on one core) a loop reports no progress:
    /// no bar could appear in so short a time (the session's waits a second), and the
    /// bookkeeping — the observer's lock, a counter object, its calls at the start, each chunk
    /// and the end, which a session's bar answers with clock reads and exclusivity checks — cost
    /// a 64² `x @ y` split over the cores ~2,300 instructions a call (callgrind, both threads,
    /// `r = x @ y` in a loop: 150,576 → 148,091; `x @ transpose(y)` 162,528 → 160,356;
    /// benchmarks/results/tensor-core.md, round 8).
    static let briefCost = 1 << 20

    /// Runs the `chunks` chunks, in parallel when there are several.
    private static func run(chunks: Int, units: Int,
                            progress: ProgressCounter?, control: ExecutionControl,
                            _ body: (Range<Int>) -> Void) throws {
        if chunks == 1 || coreCount == 1 {
            for chunk in 0..<chunks {
                try control.checkInterrupt()
                body(range(of: chunk, chunks: chunks, units: units))
                progress?.advance()
            }
        } else {
            // The worker pool of WorkerPool.c rather than `DispatchQueue.concurrentPerform`:
            // libdispatch's idle workers sleep at once, and waking one cost 50–100 µs on this
            // 2-core KVM machine, half of a 1024² matrix × vector (C harness, medians of 1,001
            // calls: one core 0.090 ms, two through libdispatch 0.103–0.116, two on the pool's
            // polling workers 0.048). The chunks write disjoint memory (each caller's units are
            // independent), which the compiler cannot see through the raw pointers they capture.
            withoutActuallyEscaping(body) { body in
                var job = PoolJob(units: units, chunks: chunks, control: control, progress: progress, body: body)
                withUnsafeMutablePointer(to: &job) { job in
                    _ = receptive_pool_run(coreCount, chunks, { context, chunk in
                        guard let job = context?.assumingMemoryBound(to: PoolJob.self) else { return }
                        job.pointee.run(chunk: chunk)
                    }, job)
                }
            }
        }
        try control.checkInterrupt()
    }

    /// One call of `run` as the worker pool sees it: its chunks, read concurrently (never
    /// written) by the threads that run them.
    private struct PoolJob {
        let units: Int
        let chunks: Int
        let control: ExecutionControl
        let progress: ProgressCounter?
        let body: (Range<Int>) -> Void

        func run(chunk: Int) {
            guard !control.isInterruptRequested else { return }
            body(range(of: chunk, chunks: chunks, units: units))
            progress?.advance()
        }
    }

    /// The units of chunk `chunk` when `units` are split as evenly as possible.
    private static func range(of chunk: Int, chunks: Int, units: Int) -> Range<Int> {
        (units * chunk / chunks)..<(units * (chunk + 1) / chunks)
    }
}
