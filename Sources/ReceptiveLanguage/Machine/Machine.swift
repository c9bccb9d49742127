/// Runs compiled code: a register stack shared by all frames, and the stack of active calls.
///
/// Frames are windows of one contiguous array of registers, not objects: a call's frame
/// starts at the first register of its arguments (so the arguments already are the callee's
/// parameters), and ends where the callee's code says. What a frame's registers hold is
/// released when it returns, so memory is freed as soon as a call ends. Numbers live in
/// registers as `Value.number`, with no reference counting.
///
/// Calls between user functions happen inside the machine's loop (`Evaluator+Execute`): a call
/// pushes a frame and the loop goes on with the callee's instructions; no Swift stack is used.
/// The array of registers may move when it grows, so the loop takes its register pointer again
/// after anything that can call. A session is used from one thread at a time, and so is its
/// machine.
final class Machine {
    /// One active call, inspectable by a debugger: its code, where its registers start, the
    /// instruction it is at (updated when it calls out) and its environment.
    ///
    /// The code is held unretained (a call retains nothing): the function being run stays alive
    /// in the slot its caller read it from, which nothing can change while the call is active
    /// (a register of a suspended frame, or a global, which only top-level code assigns and
    /// deletes, and the top-level code is suspended in the call), and the function holds its
    /// code and captured environment. An environment the frame creates is retained by the frame
    /// until it ends. Anything that runs code while calls are suspended other than by calling
    /// (a debugger evaluating an expression while paused) must retain the active frames' code
    /// first.
    struct Frame {
        var code: Unmanaged<FunctionCode>
        var base: Int
        var pc: Int
        var environment: Unmanaged<Environment>?
        /// Whether the frame created (and retains) its environment.
        var ownsEnvironment: Bool
        /// Whether the frame's registers may hold values that own memory. It stays false while
        /// every value written into them is a number, bool or none (the loop's fast paths
        /// write nothing else; every other path sets it before it writes), and then `return`
        /// need not look at each register to release it: callgrind counted ~25 of `fib`'s
        /// ~350 instructions per call in that loop. Registers of the caller's that such a
        /// frame covers keep what they hold until the caller ends, which releases them.
        var holdsReferences: Bool
        /// Where the caller's registers ended (`Machine.top` before this frame).
        var savedTop: Int
        /// The code's instructions and external slots, read once as the frame starts.
        var instructions: UnsafeMutablePointer<Instruction>
        var externals: UnsafeMutablePointer<UnsafeMutablePointer<Value?>>

        /// The running code.
        var function: FunctionCode { code.takeUnretainedValue() }
        /// The frame's environment.
        var scope: Environment? { environment?.takeUnretainedValue() }
    }

    /// The registers; `capacity` of them, all initialised (to nil when unused).
    private(set) var registers: UnsafeMutablePointer<Value?>
    private(set) var capacity: Int
    /// Where the innermost frame's registers end: a call made from outside compiled code (a
    /// builtin calling a function) starts its frame here.
    private(set) var top = 0
    /// The active calls, innermost last; `frameCount` of `frameCapacity` are in use.
    private(set) var frames: UnsafeMutablePointer<Frame>
    private(set) var frameCount = 0
    private let frameCapacity: Int

    /// Creates a machine whose calls may nest `maximumDepth` deep.
    init(maximumDepth: Int) {
        capacity = 1024
        registers = .allocate(capacity: capacity)
        registers.initialize(repeating: nil, count: capacity)
        // Cells and builtins calling back into functions add frames beyond the call depth.
        frameCapacity = maximumDepth + 64
        frames = .allocate(capacity: frameCapacity)
    }

    deinit {
        registers.deinitialize(count: capacity)
        registers.deallocate()
        frames.deallocate()
    }

    /// Makes sure registers up to `end` exist, moving the array when it must grow.
    @inline(__always)
    func reserve(upTo end: Int) {
        if end > capacity { grow(to: end) }
    }

    private func grow(to end: Int) {
        var newCapacity = capacity * 2
        while newCapacity < end { newCapacity *= 2 }
        let moved = UnsafeMutablePointer<Value?>.allocate(capacity: newCapacity)
        moved.moveInitialize(from: registers, count: capacity)
        (moved + capacity).initialize(repeating: nil, count: newCapacity - capacity)
        registers.deallocate()
        registers = moved
        capacity = newCapacity
    }

    /// Whether another frame fits (the call depth limit is checked before this).
    var hasRoomForFrame: Bool { frameCount < frameCapacity }

    /// Starts a frame for `code` whose registers start at `base` (the parameters already
    /// there): reserves its registers, unsets its other locals, creates its environment when
    /// the code defines functions; returns the frame. `hasRoomForFrame` must hold.
    /// `holdsReferences` says whether the parameters may own memory (see `Frame`).
    @inline(__always)
    func pushFrame(_ handle: Unmanaged<FunctionCode>, base: Int, captured: Unmanaged<Environment>?,
                   holdsReferences: Bool) -> UnsafeMutablePointer<Frame> {
        handle._withUnsafeGuaranteedRef { code in
            let end = base &+ code.registerCount
            reserve(upTo: end)
            if code.unsetLocalCount > 0 { unset(from: base &+ code.parameterCount, count: code.unsetLocalCount) }
            var environment = captured
            if code.ownsEnvironment {
                environment = .passRetained(makeEnvironment(for: code, base: base, inside: captured?.takeUnretainedValue()))
            }
            let frame = frames + frameCount
            frame.initialize(to: Frame(code: handle, base: base, pc: 0, environment: environment,
                                       ownsEnvironment: code.ownsEnvironment, holdsReferences: holdsReferences, savedTop: top,
                                       instructions: code.instructions, externals: code.externals))
            frameCount &+= 1
            top = end
            return frame
        }
    }

    /// Ends the innermost frame: releases what its registers and environment hold.
    @inline(__always)
    func popFrame() {
        frameCount &-= 1
        let frame = frames + frameCount
        if frame.pointee.holdsReferences {
            release(from: frame.pointee.base, count: frame.pointee.code._withUnsafeGuaranteedRef(\.registerCount))
        }
        if frame.pointee.ownsEnvironment { frame.pointee.environment?.release() }
        top = frame.pointee.savedTop
    }

    /// Whether any of the `count` registers from `base` holds a value owning memory (a call's
    /// arguments, for the callee frame's `holdsReferences`).
    @inline(__always)
    func anyOwns(from base: Int, count: Int) -> Bool {
        var register = registers + base
        let end = register + count
        while register < end {
            if !register.ownsNothing { return true }
            register += 1
        }
        return false
    }

    private func makeEnvironment(for code: FunctionCode, base: Int, inside captured: Environment?) -> Environment {
        let environment = Environment(count: code.environmentNames.count, parent: captured)
        for (register, slot) in code.capturedParameters {
            environment[slot] = registers[base + Int(register)]
        }
        return environment
    }

    /// Unsets the `count` registers from `base` (a frame's locals as it starts; they may hold a
    /// caller's dead temporaries).
    @inline(__always)
    private func unset(from base: Int, count: Int) {
        let start = registers + base
        for index in 0..<count {
            if (start + index).ownsNothing { (start + index).initialize(to: nil) } else { start[index] = nil }
        }
    }

    /// Releases what the `count` registers from `base` hold, as a frame ends. Numbers, bools
    /// and none own nothing and are left as they are: every frame sets its locals (and
    /// writes its temporaries) before reading them.
    @inline(__always)
    private func release(from base: Int, count: Int) {
        let start = registers + base
        for index in 0..<count where !(start + index).ownsNothing {
            start[index] = nil
        }
    }

    /// The active frames, outermost first (for tracebacks and a debugger).
    var activeFrames: [Frame] { (0..<frameCount).map { frames[$0] } }
}
