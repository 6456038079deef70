import Synchronization

/// An ICU handle whose calls must not overlap (calendars, date formats, message formats), with the
/// close function run when the last reference goes.
final class LockedHandle: @unchecked Sendable {
    private let pointer: OpaquePointer
    private let close: (OpaquePointer) -> Void
    private let lock = Mutex<Void>(())

    init(_ pointer: OpaquePointer, close: @escaping (OpaquePointer) -> Void) {
        self.pointer = pointer
        self.close = close
    }

    deinit { close(pointer) }

    /// Runs `body` with the handle, holding the lock.
    func withLock<R, E: Error>(_ body: (OpaquePointer) throws(E) -> R) throws(E) -> R {
        lock._unsafeLock()
        defer { lock._unsafeUnlock() }
        return try body(pointer)
    }
}
