/// Moves a value that is not `Sendable` to the one thread that will use it from then on.
///
/// The creating thread must not touch the value after handing it over; the kernel builds its
/// loops on the main thread and runs each on its own thread, never sharing one.
struct ThreadConfined<Value>: @unchecked Sendable {
    let value: Value
}
