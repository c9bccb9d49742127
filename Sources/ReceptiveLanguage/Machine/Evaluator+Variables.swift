import Tensors

/// Operations that change a variable in place: element assignment, `append`, `del`; and the
/// element reads that share their index rules.
extension Evaluator {
    /// `x[...] = v` (or `x[...] op= v`, compiled as a read, the operator, then this).
    @inline(never)
    func storeIndex(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                    _ environment: Environment?) throws {
        let value = try self.value(instruction.c, code, pc, slots, environment)
        let indices = try subscriptValues(code.subscriptSites[Int(instruction.b)], slots)
        let range = code.ranges[pc]
        try changeVariable(code.variableSites[Int(instruction.a)], code, slots, environment) { container in
            try store(value, into: &container, at: indices, range: range)
        }
    }

    /// `x[i, j] = v` with numbers into a matrix, in place; anything else the general way.
    @inline(never)
    func storeElement2(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                       _ environment: Environment?) throws {
        if case .slot(let operand) = code.siteStorages[Int(instruction.a)], case .number(let number)? = slots[instruction.d].pointee,
           case .number(let row)? = slots[instruction.b].pointee, case .number(let column)? = slots[instruction.c].pointee {
            let storage = slots[operand]
            if case .tensor? = storage.pointee {
                // Moved out of the variable, the tensor's storage is uniquely referenced and
                // changes in place instead of being copied.
                let taken = storage.take()
                if case .tensor(var tensor)? = consume taken {
                    defer { storage.pointee = .tensor(tensor) }
                    if let offset = tensor.offset(of: row, column) {
                        tensor.scalars[offset] = number
                        return
                    }
                }
            }
        }
        let value = try self.value(instruction.d, code, pc, slots, environment)
        let indices = [try index(instruction.b, code, pc, slots, environment), try index(instruction.c, code, pc, slots, environment)]
        let range = code.ranges[pc]
        try changeVariable(code.variableSites[Int(instruction.a)], code, slots, environment) { container in
            try store(value, into: &container, at: indices, range: range)
        }
    }

    /// `append(x, v)` on a variable, when the callee is the builtin (returns false otherwise,
    /// and the general call follows). The loop appends numbers to vectors itself.
    @inline(never)
    func appendInPlace(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                       _ environment: Environment?) throws -> Bool {
        guard try isAppend(instruction.c, code, pc, slots, environment) else { return false }
        let item = try value(instruction.b, code, pc, slots, environment)
        let range = code.ranges[pc]
        try changeVariable(code.variableSites[Int(instruction.a)], code, slots, environment) { container in
            try append(item, to: &container, at: range)
        }
        return true
    }

    /// Whether the callee operand means the builtin `append` (an unset global of that name
    /// does).
    private func isAppend(_ operand: Int32, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                          _ environment: Environment?) throws -> Bool {
        if operand < 0, slots[operand].pointee == nil { return true }
        guard case .function(let function) = try value(operand, code, pc, slots, environment) else { return false }
        return function === Evaluator.appendBuiltin
    }

    private static let appendBuiltin = Builtins.all["append"]

    /// `del(x)`: unsets the variable of site `a`; `a` = -1 marks an argument that is not a name.
    @inline(never)
    func delete(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                _ environment: Environment?) throws {
        guard instruction.a >= 0 else { throw RuntimeError.deleteExpectsNames(at: code.ranges[pc]) }
        let site = code.variableSites[Int(instruction.a)]
        guard site.isDeletable, try take(site.storage, slots, environment) != nil else {
            throw RuntimeError.deleteUndefined(site.name, at: site.range)
        }
    }

    /// `a = b.field`, the field's name being constant `c`.
    @inline(never)
    func field(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws {
        let object = try value(instruction.b, code, pc, slots, environment)
        guard case .string(let name)? = slots[instruction.c].pointee else { throw RuntimeError.internalInconsistency }
        slots[instruction.a].assign(try field(name, of: object, at: code.ranges[pc]))
    }

    /// Slot `a`'s field named constant `b` `= ` slot `c`.
    @inline(never)
    func storeField(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                    _ environment: Environment?) throws {
        let object = try value(instruction.a, code, pc, slots, environment)
        guard case .string(let name)? = slots[instruction.b].pointee else { throw RuntimeError.internalInconsistency }
        try setField(name, of: object, to: try value(instruction.c, code, pc, slots, environment), at: code.ranges[pc])
    }

    /// `a = b[...]`, the subscript in registers as subscript site `c` describes.
    @inline(never)
    func index(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws {
        let container = try value(instruction.b, code, pc, slots, environment)
        let indices = try subscriptValues(code.subscriptSites[Int(instruction.c)], slots)
        slots[instruction.a].assign(try subscripted(container, indices, at: code.ranges[pc]))
    }

    /// `a = b[c]`, the general way.
    @inline(never)
    func element(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                 _ environment: Environment?) throws {
        let container = try value(instruction.b, code, pc, slots, environment)
        let position = try index(instruction.c, code, pc, slots, environment)
        slots[instruction.a].assign(try subscripted(container, [position], at: code.ranges[pc]))
    }

    /// `a = b[c, d]`, the general way.
    @inline(never)
    func element2(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                  _ environment: Environment?) throws {
        let container = try value(instruction.b, code, pc, slots, environment)
        let positions = [try index(instruction.c, code, pc, slots, environment), try index(instruction.d, code, pc, slots, environment)]
        slots[instruction.a].assign(try subscripted(container, positions, at: code.ranges[pc]))
    }

    /// The positions and slice bounds of a subscript whose components are in registers.
    func subscriptValues(_ site: SubscriptSite, _ slots: Slots) throws -> [IndexValue] {
        // A missing bound or `none` (as in Python) takes the default.
        func bound(_ bound: SubscriptSite.Bound?, role: String) throws -> Int? {
            guard let bound, let value = slots[bound.register].pointee else { return nil }
            if case .none = value { return nil }
            return try wholeNumber(value, at: bound.range, role: role)
        }
        return try site.components.map { component in
            switch component {
            case .single(let index):
                return .position(try wholeNumber(slots[index.register].pointee ?? Value.none, at: index.range, role: "an index"))
            case .slice(let start, let stop, let step):
                return .slice(start: try bound(start, role: "a slice bound"), stop: try bound(stop, role: "a slice bound"),
                              step: try bound(step, role: "a slice step"))
            }
        }
    }

    private func index(_ operand: Int32, _ code: FunctionCode, _ pc: Int, _ slots: Slots,
                       _ environment: Environment?) throws -> IndexValue {
        .position(try wholeNumber(try value(operand, code, pc, slots, environment), at: code.range(of: operand, at: pc), role: "an index"))
    }

    /// Runs `change` on the variable of `site` where it is set (its own storage, else the first
    /// set variable of its fallback chain, as in Python `x[i] = v` in a function changes a
    /// global `x`), with the value moved out so that its storage is uniquely referenced, and
    /// put back afterwards even when `change` throws.
    func changeVariable(_ site: VariableSite, _ code: FunctionCode, _ slots: Slots, _ environment: Environment?,
                        _ change: (inout Value) throws -> Void) throws {
        if var value = try take(site.storage, slots, environment) {
            defer { try? put(value, in: site.storage, slots, environment) }
            try change(&value)
            return
        }
        for storage in site.fallback {
            guard var value = try take(storage, slots, environment) else { continue }
            defer { try? put(value, in: storage, slots, environment) }
            try change(&value)
            return
        }
        // Unset everywhere: a NameError, or a builtin, which `change` refuses with a TypeError.
        var value = try siteValue(site, code, slots, environment)
        try change(&value)
    }

    /// Stores a value into a variable's storage.
    func put(_ value: Value, in storage: VariableStorage, _ slots: Slots, _ environment: Environment?) throws {
        switch storage {
        case .slot(let operand): slots[operand].pointee = value
        case .environment(let depth, let index): try scope(environment, depth)[index] = value
        }
    }

    private func take(_ storage: VariableStorage, _ slots: Slots, _ environment: Environment?) throws -> Value? {
        switch storage {
        case .slot(let operand): return slots[operand].take()
        case .environment(let depth, let index): return try scope(environment, depth).take(index)
        }
    }
}

extension Tensor {
    /// The offset of element `[index]` of a vector when `index` is a whole number in range
    /// (negative from the end); nil otherwise, and the general path says why.
    @inline(__always)
    func offset(of index: Double) -> Int? {
        guard shape.count == 1, let position = index.wholePosition else { return nil }
        let resolved = position < 0 ? position &+ shape[0] : position
        return resolved >= 0 && resolved < shape[0] ? resolved : nil
    }

    /// The offset of element `[row, column]` of a matrix, under the same rules.
    @inline(__always)
    func offset(of row: Double, _ column: Double) -> Int? {
        guard shape.count == 2, let rowPosition = row.wholePosition, let columnPosition = column.wholePosition else { return nil }
        let rows = shape[0], columns = shape[1]
        let resolvedRow = rowPosition < 0 ? rowPosition &+ rows : rowPosition
        let resolvedColumn = columnPosition < 0 ? columnPosition &+ columns : columnPosition
        guard resolvedRow >= 0, resolvedRow < rows, resolvedColumn >= 0, resolvedColumn < columns else { return nil }
        return resolvedRow &* columns &+ resolvedColumn
    }
}

extension Double {
    /// The number as an index when it is a whole number that fits an Int (NaN, infinities,
    /// fractions and larger numbers are nil; a caller's bounds check rejects what is out of
    /// range, with wrapping arithmetic). Cheaper than `Int(exactly:)`, which calls `trunc`: this
    /// is on the path of every element read.
    ///
    /// The guard is exactly `Int(_:)`'s preconditions, so the optimizer drops those as already
    /// checked: guarding ±2^52 instead left them in (callgrind: 18 instructions of each index
    /// of a hand-written correlation's element reads, 12 now).
    @inline(__always)
    var wholePosition: Int? {
        guard isFinite, self > -9_223_372_036_854_777_856.0, self < 9_223_372_036_854_775_808.0 else { return nil }
        let position = Int(self)
        return Double(position) == self ? position : nil
    }
}
