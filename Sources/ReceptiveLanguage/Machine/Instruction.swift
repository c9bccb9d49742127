/// One instruction of compiled code: an operation and up to four operands.
///
/// Instructions are plain values (no references), so running code reads them without any
/// reference counting. What an operand means depends on the operation; most are *slots*:
/// a value ≥ 0 is a register of the running frame, a negative value `o` is entry `~o` of the
/// code's external slots (a global variable's storage or a constant). Larger descriptions (call
/// sites with named arguments, subscripts, variables) live in tables of the `FunctionCode`,
/// and the operand is their index.
struct Instruction {
    /// What to do.
    var operation: Operation
    /// The first operand; usually the destination slot.
    var a: Int32
    /// The second operand.
    var b: Int32
    /// The third operand.
    var c: Int32
    /// The fourth operand (element reads and writes of rank-2 tensors).
    var d: Int32

    /// Creates an instruction; unused operands are 0.
    init(_ operation: Operation, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0, _ d: Int32 = 0) {
        self.operation = operation
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// An instruction whose operands `c` and `d` hold the number `immediate` (the operations
    /// with a constant operand): the number is read from the instruction itself, with no slot
    /// to decode and no tag to check.
    init(_ operation: Operation, _ a: Int32, _ b: Int32, immediate: Double) {
        let bits = immediate.bitPattern
        self.init(operation, a, b, Int32(truncatingIfNeeded: bits), Int32(truncatingIfNeeded: bits >> 32))
    }

    /// `x op y` for `add`, `subtract`, `multiply` and the specialised arithmetic
    /// (`addRegisters`, `addConstant`, ...).
    @inline(__always)
    func arithmetic(_ x: Double, _ y: Double) -> Double {
        switch operation {
        case .add, .addRegisters, .addConstant: return x + y
        case .subtract, .subtractRegisters, .subtractConstant: return x - y
        case .multiply, .multiplyRegisters, .multiplyConstant: return x * y
        default: return x / y
        }
    }

    /// Whether `x op y` holds for a test (`jumpUnlessLess`, `jumpUnlessLessConstant`, ...).
    @inline(__always)
    func holds(_ x: Double, _ y: Double) -> Bool {
        switch operation {
        case .jumpUnlessLess, .jumpUnlessLessConstant: return x < y
        case .jumpUnlessLessEqual, .jumpUnlessLessEqualConstant: return x <= y
        case .jumpUnlessGreater, .jumpUnlessGreaterConstant: return x > y
        case .jumpUnlessGreaterEqual, .jumpUnlessGreaterEqualConstant: return x >= y
        case .jumpUnlessEqual, .jumpUnlessEqualConstant: return x == y
        default: return x != y
        }
    }

    /// The number held by operands `c` and `d`.
    @inline(__always)
    var immediate: Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: c)) | UInt64(UInt32(bitPattern: d)) << 32)
    }
}

extension Operation {
    /// The comparison a test (`jumpUnlessLess`, `jumpUnlessLessConstant`, ...) makes.
    var testedComparison: BinaryOperator {
        switch self {
        case .jumpUnlessLess, .jumpUnlessLessConstant: return .less
        case .jumpUnlessLessEqual, .jumpUnlessLessEqualConstant: return .lessEqual
        case .jumpUnlessGreater, .jumpUnlessGreaterConstant: return .greater
        case .jumpUnlessGreaterEqual, .jumpUnlessGreaterEqualConstant: return .greaterEqual
        case .jumpUnlessEqual, .jumpUnlessEqualConstant: return .equal
        default: return .notEqual
        }
    }
}

/// The operations of the machine. Operands are written `a b c d` as in `Instruction`; "slot"
/// is a register or an external slot, "register" only a register of the frame.
enum Operation: UInt8 {
    // Moving values.
    /// `a = b` (slot to slot); an unset local reads its fallback, an unset global its builtin.
    case copy
    /// `a = b`, leaving register `b` empty: a temporary's value moves without a copy.
    case move
    /// `a = ` the environment variable of variable site `b` (or what its name means while unset).
    case loadEnvironment
    /// The environment variable of variable site `a` `= b`.
    case storeEnvironment

    // Arithmetic and comparison, `a = b op c`; numbers take a fast path.
    case add, subtract, multiply, divide, floorDivide, remainder, power, matmul
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// `a = b op c` with `a`, `b` and `c` registers (no external slot to tell apart), for the
    /// arithmetic of loops and functions over their locals.
    case addRegisters, subtractRegisters, multiplyRegisters, divideRegisters
    /// `a = b op k`, `a` and `b` registers and `k` the number in `c` and `d` (`Instruction.immediate`):
    /// `n - 1`, `i + 1`, `x * 2`, `x / 2`.
    case addConstant, subtractConstant, multiplyConstant, divideConstant
    /// `a = -b`.
    case negate
    /// `a = not b`.
    case not

    // Control.
    /// Continues at `a`.
    case jump
    /// Continues at `b` unless slot `a` holds `true`; a non-bool is a TypeError.
    case jumpIfFalse
    /// Continues at `c` unless `a op b` holds: a comparison and `jumpIfFalse` in one, for the
    /// conditions of `if` and `while`.
    case jumpUnlessLess, jumpUnlessLessEqual, jumpUnlessGreater, jumpUnlessGreaterEqual, jumpUnlessEqual, jumpUnlessNotEqual
    /// Continues at `b` unless register `a` `op k` holds, `k` the number in `c` and `d`: the
    /// tests against a constant (`n < 2`, `x == 0`).
    case jumpUnlessLessConstant, jumpUnlessLessEqualConstant, jumpUnlessGreaterConstant, jumpUnlessGreaterEqualConstant
    case jumpUnlessEqualConstant, jumpUnlessNotEqualConstant
    /// `and`/`or` after the left operand in register `a`: a non-bool is a TypeError; when the
    /// operand decides the result (false for `and`, `c` = 1; true for `or`) continues at `b`.
    case shortCircuit
    /// `and`/`or` after the right operand in register `a`: a non-bool is a TypeError
    /// (`c` = 1 for `and`).
    case requireBool
    /// Continues at `c` unless slot `a` holds (or, unset, means) the builtin that is constant
    /// `b`: guards the forms compiled specially (`del`, `append`) against a name bound to
    /// something else.
    case jumpUnlessBuiltin
    /// Stops the cell when an interrupt is pending, then continues at `a` (a `while` loop's
    /// way back).
    case loop

    // Iteration, with the loop's state in five registers from `a`.
    /// Starts iterating over slot `b`.
    case iterate
    /// Starts iterating over slot `b` called with the registers from `c`: a call of the
    /// builtin `range`/`arange` with numbers counts without building anything; anything else
    /// is called and iterated. `d` = argument count + 256 when the last one is `step:`.
    case iterateCall
    /// When there is a next item: puts it into slot `b`, checks for an interrupt and continues
    /// at `c` (the loop's body); otherwise goes on (the loop is over).
    case next

    // Calls and functions.
    /// `a = ` slot `b` called with the `d` registers from `c` (where the callee's frame starts).
    case call
    /// `a = ` slot `b` called with the registers from `c`, as call site `d` describes (named
    /// arguments).
    case callNamed
    /// `a = ` a new function from prototype `b`, with its defaults in registers from `c`.
    case makeFunction
    /// Leaves the function with slot `a`'s value.
    case `return`
    /// Leaves the function with register `b` + register `c` (`return x + y`): a sum of numbers
    /// goes to the caller as `return` sends a number; anything else is computed into register
    /// `a` the general way and returned from there.
    case returnSum

    // Values.
    /// `a = ` the literal `[...]` built from the `c` registers from `b`.
    case buildList
    /// `a = (...)` from the `c` registers from `b`.
    case buildTuple
    /// Register `a` starts collecting a comprehension's items.
    case startCollecting
    /// Adds slot `b` to the comprehension's items in register `a`.
    case collect
    /// `a = ` the items collected in register `b`, built like a `[...]` literal.
    case finishCollecting
    /// Takes slot `b` apart into the `c` registers from `a`.
    case unpack
    /// `a = b.field`, the field's name being constant `c`.
    case field
    /// `a = b[...]`, the subscript in registers as subscript site `c` describes.
    case index
    /// `a = b[c]`: one element or item.
    case element
    /// `a = b[c, d]`: one element of a rank-2 tensor.
    case element2
    /// Variable site `a` `[...] = ` slot `c`, the subscript as subscript site `b` describes.
    case storeIndex
    /// Slot `a` `[b, c] = ` slot `d`: one element of a rank-2 tensor, in place.
    case storeElement2
    /// Slot `a`'s field named constant `b` `= ` slot `c`: `l.weight = t` (layers are shared by
    /// reference, so every name of the layer sees the change).
    case storeField
    /// `append(x, b)` when slot `c` means the builtin `append`: appends slot `b` in place to
    /// the list or tensor of variable site `a` and continues at `d`; otherwise goes on (to the
    /// general call of whatever `c` holds).
    case appendInPlace
    /// Unsets variable site `a`; a NameError when it is not set.
    case delete

    // Debugging.
    /// Statement boundary at line `a`, emitted only when code is compiled for a debugger.
    case statement
}
