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
    @inline(__always)
    var userFunction: Unmanaged<UserFunction>? {
        guard case .function(let callable)? = pointee, let function = UserFunction.exactly(callable) else { return nil }
        return .passUnretained(function)
    }

    /// Element `[index]` of the vector the slot holds, when the index is in range (otherwise
    /// nil, and the general path says why).
    @inline(__always)
    func element(_ index: Double) -> Double? {
        pointee?.element(index)
    }

    /// Element `[row, column]` of the matrix the slot holds, under the same rules.
    @inline(__always)
    func element(_ row: Double, _ column: Double) -> Double? {
        pointee?.element(row, column)
    }

    /// Appends a number to the vector the slot holds (the caller has checked that it holds
    /// one). Moved out of the slot, the vector's storage is uniquely referenced and grows in
    /// place (amortised O(1) per number, as an array's).
    @inline(__always)
    func appendToVector(_ number: Double) {
        let taken = take()
        if case .tensor(var vector)? = consume taken {
            vector.append(number)
            initialize(to: .tensor(vector))
        }
    }

    /// The value, leaving the slot empty (so that the value's storage is uniquely referenced).
    @inline(__always)
    func take() -> Value? {
        let value = move()
        initialize(to: nil)
        return value
    }
}

extension Value {
    // Methods, so that the tensor is borrowed from `self` (passed at +0) where it is read in
    // place: matched from the slot directly, it was copied, retaining and releasing both its
    // arrays (callgrind: 2 of every 3 retains of a hand-written correlation).

    /// Element `[index]` of a vector, when the index is a whole number in range.
    @inline(__always)
    func element(_ index: Double) -> Double? {
        guard case .tensor(let tensor) = self, let offset = tensor.offset(of: index) else { return nil }
        return tensor.scalars[offset]
    }

    /// The length of a vector; nil for anything else.
    @inline(__always)
    var vectorCount: Int? {
        guard case .tensor(let tensor) = self, tensor.rank == 1 else { return nil }
        return tensor.count
    }

    /// Element `[row, column]` of a matrix, when both are whole numbers in range.
    @inline(__always)
    func element(_ row: Double, _ column: Double) -> Double? {
        guard case .tensor(let tensor) = self, let offset = tensor.offset(of: row, column) else { return nil }
        return tensor.scalars[offset]
    }
}
