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
