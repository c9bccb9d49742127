import Tensors

/// Building values item by item: comprehensions collect their items, `append` adds one to a
/// variable in place.
extension Evaluator {
    /// `collect`: adds slot `b` to the items collected in register `a`.
    @inline(never)
    func collect(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots, _ environment: Environment?) throws {
        let item = try value(instruction.b, code, pc, slots, environment)
        try collect(item, into: slots.registers + Int(instruction.a), at: code.ranges[pc])
    }

    /// `buildList` / `buildTuple`: `a = ` the value of the `c` registers from `b`.
    @inline(never)
    func build(_ instruction: Instruction, _ code: FunctionCode, _ pc: Int, _ slots: Slots) throws {
        let items = UnsafeBufferPointer(start: slots.registers + Int(instruction.b), count: Int(instruction.c)).map { $0 ?? Value.none }
        if instruction.operation == .buildTuple {
            slots[instruction.a].assign(try Value.tuple(items).checkedNesting(at: code.ranges[pc]))
        } else {
            slots[instruction.a].assign(try build(items, at: code.ranges[pc]))
        }
    }

    /// Adds a comprehension's item. While every item is a number the items are kept as a
    /// vector (no boxed values); the first other item turns them into a list.
    func collect(_ item: Value, into accumulator: UnsafeMutablePointer<Value?>, at range: SourceRange) throws {
        // The items are moved out of the register (and consumed by the pattern), so their
        // storage is uniquely referenced and grows in place.
        let taken = accumulator.take()
        switch consume taken {
        case .tensor(var numbers)?:
            guard case .number(let number) = item else {
                accumulator.initialize(to: .list(numbers.scalars.map { .number($0) } + [item]))
                return
            }
            // The loop appends numbers itself below the cap; here the cap says why not.
            do {
                try checkAllocation(numbers.count + 1, at: range)
            } catch {
                accumulator.initialize(to: .tensor(numbers))
                throw error
            }
            numbers.append(number)
            accumulator.initialize(to: .tensor(numbers))
        case .list(var items)?:
            items.append(item)
            accumulator.initialize(to: .list(items))
        default:
            throw RuntimeError.internalInconsistency
        }
    }

    /// The comprehension's value: built from its items as a `[...]` literal would be.
    func finishCollecting(_ accumulator: Value?, at range: SourceRange) throws -> Value {
        switch accumulator {
        case .tensor(let numbers)?: return .tensor(numbers)
        case .list(let items)?: return try build(items, at: range)
        default: throw RuntimeError.internalInconsistency
        }
    }

    /// The value of a bracketed literal with these items.
    func build(_ items: [Value], at range: SourceRange) throws -> Value {
        try TensorLiteral.build(items, control: control, at: range)
    }

    /// `append(xs, v)`: `xs` becomes what the literal `[items of xs..., v]` would be, changed
    /// in place (the caller moved it out of its variable, so its storage is not shared). Every
    /// check comes first, so a failure leaves `container` as it was.
    func append(_ item: Value, to container: inout Value, at range: SourceRange) throws {
        let way = try appending(item, to: container, at: range)
        // Moved out of `container` (and consumed by the pattern, not copied by a tuple), the
        // list's or tensor's storage is uniquely referenced and grows in place.
        var taken = Value.none
        swap(&taken, &container)
        switch way {
        case .item:
            if case .list(var items) = consume taken {
                items.append(item)
                container = .list(items)
            }
        case .number(let number):
            if case .tensor(var tensor) = consume taken {
                tensor.append(number)
                container = .tensor(tensor)
            }
        case .row(let row):
            if case .tensor(var tensor) = consume taken {
                tensor.append(row)
                container = .tensor(tensor)
            }
        case .list:
            container = .list((try items(of: taken, at: range) ?? []) + [item])
        }
    }

    /// How `item` joins `container`.
    private enum Appending {
        case item
        case number(Double)
        case row(Tensor)
        case list
    }

    private func appending(_ item: Value, to container: Value, at range: SourceRange) throws -> Appending {
        guard item.nestingDepth < Value.maximumNesting else {
            throw RuntimeError.nestedTooDeeply(item.nestingDepth + 1, limit: Value.maximumNesting, at: range)
        }
        switch (container, item) {
        case (.list, _):
            return .item
        case (.tensor(let tensor), .number(let number)) where tensor.rank == 1:
            try checkAllocation(tensor.count + 1, at: range)
            return .number(number)
        case (.tensor(let tensor), .tensor(let row)) where tensor.rank >= 1 && tensor.canAppend(itemShape: row.shape):
            try checkAllocation(tensor.count + row.count, at: range)
            return .row(row)
        case (.tensor(let tensor), .number), (.tensor(let tensor), .tensor):
            guard tensor.rank >= 1 else { throw RuntimeError.cannotAppend(to: container, at: range) }
            throw RuntimeError.raggedAppend(item, to: tensor, at: range)
        case (.tensor(let tensor), _) where tensor.rank >= 1:
            // Anything else makes a list, as in a literal.
            return .list
        default:
            throw RuntimeError.cannotAppend(to: container, at: range)
        }
    }

    /// A LimitError when a value of `count` elements would exceed the session's cap.
    @inline(__always)
    func checkAllocation(_ count: Int, at range: SourceRange) throws {
        // Compared here first: this runs for every item a loop appends or a comprehension
        // collects, and the control's check is a call that throws through a closure.
        if count > control.maxElements {
            try catchingTensorErrors(at: range) { try control.checkAllocation(count) }
        }
    }
}
