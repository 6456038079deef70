import Planner
import PlannerCore
import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

/// A whole `plan` run: the plan made, its files written, and the rejects file kept. The one place
/// that decides what a run leaves on disk: rejected rows go to a scratch file first, so a run that
/// fails writes no plan (only the rejects file, when rows were rejected: what the user needs to
/// mend the export), and a run that succeeds writes every format and then the rejects file, owner-only.
public enum PlanRun {
    /// What a successful run made and wrote.
    public struct Outcome: Sendable {
        /// The plan.
        public let plan: Plan
        /// Every file written, in order, the rejects file last.
        public let written: [String]
    }

    /// Makes the plan `request` asks for and writes it to `directory` in `formats`; rejected rows
    /// go to `rejectsPath`. The request's own `rejectsPath` is replaced by the scratch file. A
    /// format this machine cannot write (a PDF without LibreOffice) fails the run before the plan
    /// is made.
    public static func run(_ request: PlanRequest, to directory: String, formats: [ExportFormat], rejectsPath: String) throws -> Outcome {
        try PlanExport.check(formats: formats)
        let scratch = "\(FileBytes.temporaryDirectory)/campaign-planner-rejects-\(getpid()).csv"
        defer { unlink(scratch) }
        var request = request
        request.rejectsPath = scratch
        request.rejectsShownPath = rejectsPath
        let plan: Plan
        do {
            plan = try PlanBuilder.build(request)
        } catch {
            if let text = try? FileBytes.read(scratch), text.split(separator: UInt8(ascii: "\n")).count > 1 {
                if let slash = rejectsPath.lastIndex(of: "/") { try Directory.create(String(rejectsPath[..<slash])) }
                try AtomicFile.write(text, to: rejectsPath, access: .ownerOnly)
            }
            throw error
        }
        var written = try PlanExport.write(plan, to: directory, formats: formats)
        // A cube or a PostgreSQL table leaves its rejected rows where they are: no rejects file then.
        if access(scratch, F_OK) == 0 {
            try AtomicFile.write(FileBytes.read(scratch), to: rejectsPath, access: .ownerOnly)
            written.append(rejectsPath)
        }
        return Outcome(plan: plan, written: written)
    }
}
