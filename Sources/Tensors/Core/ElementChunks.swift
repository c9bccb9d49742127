/// Runs a loop over the elements of one result in chunks (or over other units of it, such as a
/// matrix product's blocks of rows): on the calling thread when small, on every core when
/// large, checking `control`'s interrupt between chunks either way.
///
/// Costs are in the unit `ParallelLoop` uses (about one multiply-add): 1 per element for
/// arithmetic and copies, a handful for the transcendental functions, so a 1024² `x + y` is
/// split in two (one chunk per core) and a 64² one stays inline with no dispatch at all.
enum ElementChunks {
    /// Calls `body` with ranges covering `0..<count`, possibly concurrently; different ranges
    /// must write different memory. `label` names the operation to a progress observer (only
    /// computed for large work: naming a small one cost as much as computing it).
    static func run(_ label: @autoclosure () -> String, count: Int, costPerElement: Int, control: ExecutionControl,
                    _ body: (Range<Int>) -> Void) throws {
        guard count > 0 else { return }
        let (total, overflow) = count.multipliedReportingOverflow(by: Swift.max(1, costPerElement))
        if !overflow, total < ParallelLoop.parallelThreshold {
            // Small results skip the progress bookkeeping and the dispatch (64² `x * 2` is ~1 µs).
            try control.checkInterrupt()
            body(0..<count)
            return
        }
        try ParallelLoop.run(label(), units: count, costPerUnit: costPerElement, control: control, body)
    }
}
