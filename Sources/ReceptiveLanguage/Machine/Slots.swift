import Tensors

/// The slots a running frame's operands reach: its registers (operands ≥ 0) and its code's
/// external slots (operands < 0: globals and constants).
struct Slots {
    /// The frame's first register; taken again after every call, since the array may move.
    var registers: UnsafeMutablePointer<Value?>
    /// The code's external slots.
    let externals: UnsafeMutablePointer<UnsafeMutablePointer<Value?>>

    /// The storage an operand names.
    @inline(__always)
    subscript(operand: Int32) -> UnsafeMutablePointer<Value?> {
        operand >= 0 ? registers + Int(operand) : externals[Int(~operand)]
    }
}

extension UnsafeMutablePointer where Pointee == Value? {
    /// Stores a number. Over a number, bool or none (which own no memory, the usual case for
    /// counters and temporaries) the slot is simply overwritten, with no release.
    @inline(__always)
    func setNumber(_ number: Double) {
        store(.number(number))
    }

    /// Stores a bool, like `setNumber`.
    @inline(__always)
    func setBool(_ flag: Bool) {
        store(.bool(flag))
    }

    @inline(__always)
    private func store(_ value: Value) {
        if ownsNothing {
            initialize(to: value)
        } else {
            pointee = value
        }
    }

    /// Stores a value; the old one is released only when it owns memory (a temporary that
    /// held a number, the usual case, is simply overwritten).
    @inline(__always)
    func assign(_ value: consuming Value) {
        if ownsNothing {
            initialize(to: value)
        } else {
            pointee = value
        }
    }

    /// Whether the slot holds nothing that needs releasing (unset, a number, a bool, none).
    @inline(__always)
    var ownsNothing: Bool {
        switch pointee {
        case nil, .number?, .bool?, .some(.none): return true
        default: return false
        }
    }

    /// The user function the slot holds, unretained: a call reads its callee in place, and the
    /// slot keeps the function alive while it runs, since nothing can change the slot then
    /// (it is a register of a suspended frame, or a global, which only top-level code assigns
    /// and deletes, and the top-level code is suspended in the call). See `Machine.Frame`.
    ///
    /// `type` is `UserFunction`'s metadata, which the caller keeps: compared with the one
    /// `UserFunction.self` gives, the call of the metadata accessor (and the registers saved
    /// around it) cost ~12 instructions of every call.
    @inline(__always)
    func userFunction(_ type: ObjectIdentifier) -> Unmanaged<UserFunction>? {
        guard case .function(let callable)? = pointee, ObjectIdentifier(Swift.type(of: callable)) == type else { return nil }
        return .passUnretained(unsafeDowncast(callable as AnyObject, to: UserFunction.self))
    }

    // The tensor fast paths below move the value out of the slot, match it consumed, and move
    // it back: matched in place (`pointee?.…`, or a method of `Value` on it), the value was
    // copied first, retaining each of a tensor's arrays and releasing them after the read,
    // and since a `Value` is copied by an outlined function the optimizer no longer paired
    // and removed them (callgrind, after the tensor layout was added: 3 retains and 3
    // releases, ~100 instructions, of every element read and every number appended). Moving
    // costs a few loads and stores; nothing else runs while the slot is empty.

    /// Element `[index]` of the vector the slot holds, when the index is a whole number in
    /// range (otherwise nil, and the general path says why).
    @inline(__always)
    func element(_ index: Double) -> Double? {
        withTensor { tensor in tensor.offset(of: index).map { tensor.element(atRowMajorOffset: $0) } }
    }

    /// Element `[row, column]` of the matrix the slot holds, under the same rules.
    @inline(__always)
    func element(_ row: Double, _ column: Double) -> Double? {
        withTensor { tensor in tensor.offset(of: row, column).map { tensor.element(atRowMajorOffset: $0) } }
    }

    /// Appends a number to the vector the slot holds, in place, when it holds one of fewer than
    /// `cap` elements; false (and nothing changed) otherwise. Moved out of the slot, the
    /// vector's storage is uniquely referenced and grows in place (amortised O(1) per number,
    /// as an array's).
    @inline(__always)
    func appendToVector(_ number: Double, cap: Int) -> Bool {
        guard case .tensor? = pointee else { return false }
        let taken = move()
        guard case .tensor(var vector)? = consume taken else {
            // Not reached: the slot held a tensor a line above.
            initialize(to: nil)
            return false
        }
        let appends = vector.rank == 1 && vector.count < cap
        if appends { vector.append(number) }
        initialize(to: .tensor(vector))
        return appends
    }

    /// What `body` reads from the tensor the slot holds; nil when it holds something else.
    @inline(__always)
    private func withTensor<Result>(_ body: (borrowing Tensor) -> Result?) -> Result? {
        // Only the tag is read in place (that copies nothing); the tensor is then moved out,
        // bound consumed and moved back. A `switch` over the moved value with a fallback case
        // copied the tensor again, as the match in place did.
        guard case .tensor? = pointee else { return nil }
        let taken = move()
        guard case .tensor(let tensor)? = consume taken else {
            // Not reached: the slot held a tensor a line above.
            initialize(to: nil)
            return nil
        }
        let result = body(tensor)
        initialize(to: .tensor(tensor))
        return result
    }

    /// The value, leaving the slot empty (so that the value's storage is uniquely referenced).
    @inline(__always)
    func take() -> Value? {
        let value = move()
        initialize(to: nil)
        return value
    }
}
