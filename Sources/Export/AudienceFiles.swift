import Audience
import Locales
import Planner
import PlannerCore
import PlannerIO

/// Which audience files to write: the send lists alone, or also each channel's service format.
public enum AudienceFormat: String, CaseIterable, Sendable {
    /// `sends.csv`, `holdout.csv`, `audience-summary.csv`, `report.md`, `rejects.csv`.
    case sends
    /// The above and `sms.csv`, `whatsapp.jsonl`, `email.csv`, `push.jsonl`.
    case all
}

/// The audience's files in one folder, each written atomically and owner-only (0600: they hold
/// phones, emails and names), the same bytes for the same inputs. Every text field of a CSV is
/// neutralised against formula injection (``SafeText/spreadsheetCell(_:)``) except validated
/// E.164 numbers, which hold only `+` and digits.
///
/// - `sends.csv`: one row per message, by segment (the plan's order), line, day, time, customer.
/// - `holdout.csv`: `customer_id,segment,line` per held-out customer and ghost line (empty: none).
/// - `sms.csv`: the bulk upload Indian aggregators take: `mobile` (91 and ten digits), `message`,
///   `entity_id`, `header`, `template_id` (DLT), then `send_date`, `send_time`.
/// - `whatsapp.jsonl`: one Cloud API message per line (`messaging_product`, `to`, `type: template`, `template`).
/// - `email.csv`: `email,subject,body,send_date,send_time`.
/// - `push.jsonl`: one FCM HTTP v1 `messages:send` body per line (`message.token`, `message.notification`).
/// - `audience-summary.csv` and `report.md`: per line, planned and assigned messages, held out,
///   the shortfall by reason, planned and actual cost.
public final class AudienceFiles: AudienceSink {
    /// The folder written to.
    public let directory: String
    private let format: AudienceFormat
    private var writers: [(name: String, writer: AtomicFile.Writer)] = []

    /// Opens the files in `directory` (created when missing); nothing is visible until ``finish(_:plan:)``.
    public init(directory: String, format: AudienceFormat = .all) throws(Diagnostic) {
        self.directory = directory
        self.format = format
        try Directory.create(directory)
        var names = ["sends.csv", "holdout.csv"]
        if format == .all { names += ["sms.csv", "whatsapp.jsonl", "email.csv", "push.jsonl"] }
        for name in names { writers.append((name, try AtomicFile.Writer(path: "\(directory)/\(name)", access: .ownerOnly))) }
        try writer("sends.csv").append(
            "line,customer_id,segment,festival,channel,language,template,send_date,send_time,time_zone,contact,message,sms_segments,cost\n")
        try writer("holdout.csv").append("customer_id,segment,line\n")
        if format == .all {
            try writer("sms.csv").append("mobile,message,entity_id,header,template_id,send_date,send_time\n")
            try writer("email.csv").append("email,subject,body,send_date,send_time\n")
        }
    }

    private func writer(_ name: String) -> AtomicFile.Writer { writers.first { $0.name == name }!.writer }

    /// A field neutralised unless it is a validated E.164 number.
    static func safe(_ field: String) -> String {
        if field.utf8.first == 0x2B, field.utf8.count > 1, field.utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) {
            return field
        }
        return SafeText.spreadsheetCell(field)
    }

    /// Ten-thousandths as text with four decimals (`1200` → `0.1200`).
    static func amount(_ tenThousandths: Int64) -> String {
        let sign = tenThousandths < 0 ? "-" : ""
        let value = abs(tenThousandths)
        let fraction = String(value % 10_000)
        return "\(sign)\(value / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// Appends one segment's rows to every file (formatted by ``AudienceRows``, on every core for a large batch).
    public func write(_ batch: AudienceBatch) throws(Diagnostic) {
        let rows = AudienceRows.format(batch.sends, channels: format == .all)
        try writer("sends.csv").append(rows.sends)
        if format == .all {
            try writer("sms.csv").append(rows.sms)
            try writer("whatsapp.jsonl").append(rows.whatsapp)
            try writer("email.csv").append(rows.email)
            try writer("push.jsonl").append(rows.push)
        }
        var holdout: [UInt8] = []
        for entry in batch.holdout { AudienceRows.appendRow([entry.customerID, entry.segment, entry.line ?? ""], to: &holdout) }
        try writer("holdout.csv").append(holdout)
    }

    /// Writes the summary, the report and the rejects file, then makes every file visible; the
    /// paths written, in order.
    public func finish(_ result: AudienceResult, plan: Plan) throws(Diagnostic) -> [String] {
        var written: [String] = []
        for (name, writer) in writers {
            try writer.commit()
            written.append("\(directory)/\(name)")
        }
        try AtomicFile.write(AudienceReport.summaryCSV(result), to: "\(directory)/audience-summary.csv", access: .ownerOnly)
        try AtomicFile.write(AudienceReport.markdown(result, plan: plan), to: "\(directory)/report.md", access: .ownerOnly)
        var rejects = RejectsWriter.header
        for reject in result.rejects {
            rejects += "\(reject.line),\(reject.reason),\(CSVWriter.escape(SafeText.spreadsheetCell(reject.value)))\n"
        }
        try AtomicFile.write(rejects, to: "\(directory)/rejects.csv", access: .ownerOnly)
        written += ["audience-summary.csv", "report.md", "rejects.csv"].map { "\(directory)/\($0)" }
        return written
    }
}

/// A whole `audience` run: the audience made and its files written.
public enum AudienceRun {
    /// What a run made and wrote.
    public struct Outcome: Sendable {
        /// The audience's account of itself.
        public let result: AudienceResult
        /// Every file written, in order.
        public let written: [String]
    }

    /// Appends the audience's section to the plan's `report.md` at `path` (atomically), for `plan --audience`.
    public static func appendSection(of outcome: Outcome, plan: Plan, to path: String) throws(Diagnostic) {
        let report = try FileBytes.readText(path, limit: 64 << 20)
        try AtomicFile.write(report + "\n" + AudienceReport.markdown(outcome.result, plan: plan, title: false), to: path)
    }

    /// Builds `request`'s audience into `directory`.
    public static func run(_ request: AudienceRequest, to directory: String, format: AudienceFormat = .all) throws(Diagnostic) -> Outcome {
        let files = try AudienceFiles(directory: directory, format: format)
        let result = try AudienceBuilder.build(request, sink: files)
        return Outcome(result: result, written: try files.finish(result, plan: request.plan))
    }
}
