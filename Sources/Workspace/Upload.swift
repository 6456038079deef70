import Hummingbird
import PlannerCore
import PlannerIO

/// A request body streamed into a workspace file: written as it arrives to a temporary file
/// beside the target (`AtomicFile.Writer`, owner-only: customer files hold personal data) and
/// renamed over it only when whole; a body over `limit` bytes is refused and leaves nothing.
enum Upload {
    static func write(_ body: RequestBody, to path: String, limit: Int) async throws -> Void {
        let writer = try AtomicFile.Writer(path: path, access: .ownerOnly)
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            guard total <= limit else {
                throw Diagnostic(
                    .badRequest, field: "file", message: "the file is larger than the upload limit of \(limit) bytes",
                    hint: "split the export, or start serve with a larger limit")
            }
            try writer.append(chunk.readableBytesView)
        }
        guard total > 0 else { throw Diagnostic(.badRequest, field: "file", message: "the file is empty") }
        try writer.commit()
    }
}
