import Dispatch
import Hummingbird

extension WorkspaceServer {
    /// Runs the server until it is stopped (SIGINT or SIGTERM), from synchronous code such as a
    /// command's `run()`; `started` gets the address to open once the server listens (with the
    /// port the system chose when the configured port is 0, so a test can start it on any free port).
    public func runUntilStopped(started: @escaping @Sendable (String) -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let app = application(onServerRunning: { port in started(address(port: port)) })
        Task {
            do { try await app.runService() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error a server task ended with, read after its semaphore is signalled (which orders the write before the read).
private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
}
