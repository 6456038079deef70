import Foundation

/// Asks `condition` every `interval` seconds until it holds (true) or `timeout` seconds have
/// passed (false), on a thread of its own. A test that watches the server while a query runs must
/// not need a thread of Swift concurrency's cooperative pool to take its next look: on a 2-core CI
/// machine that pool has two threads, and other tests blocked in subprocesses (LibreOffice, the
/// browser) can hold both for a minute, long enough for a query to end before it was seen.
public func pollOnOwnThread(
    timeout: TimeInterval, every interval: TimeInterval = 0.2, _ condition: @escaping @Sendable () throws -> Bool
) async throws -> Bool {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            let deadline = Date().addingTimeInterval(timeout)
            continuation.resume(
                with: Result {
                    while Date() < deadline {
                        if try condition() { return true }
                        Thread.sleep(forTimeInterval: interval)
                    }
                    return false
                })
        }.start()
    }
}

/// Work started on a thread of its own the moment this is made, whose result a test awaits later.
/// Unlike `Task { ... }`, starting it does not wait for a thread of the cooperative pool: on a
/// 2-core machine whose two pool threads are held by tests blocked in subprocesses, a task that
/// starts a binary can sit unscheduled for minutes, and a watcher polling for that binary's query
/// gives up before it ever runs.
public final class OwnThreadWork<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<Value, any Error>?
    private var waiting: CheckedContinuation<Value, any Error>?

    /// Starts `body` at once on a new thread called `name`.
    public init(name: String, _ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in finish(Result { try body() }) }
        thread.name = name
        thread.start()
    }

    /// What `body` returned or threw, once it has.
    public var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                lock.lock()
                if let outcome {
                    lock.unlock()
                    continuation.resume(with: outcome)
                } else {
                    waiting = continuation
                    lock.unlock()
                }
            }
        }
    }

    private func finish(_ result: Result<Value, any Error>) {
        lock.lock()
        let continuation = waiting
        waiting = nil
        if continuation == nil { outcome = result }
        lock.unlock()
        continuation?.resume(with: result)
    }
}
