import Audience
import Dispatch
import Locales
import PlannerCore
import PlannerIO

#if canImport(Glibc)
    import Glibc
#endif

/// One batch of sends as the bytes each audience file gets (``AudienceFiles`` describes the
/// formats), made without a `String` per row: fields go straight into each file's buffer, escaped
/// and neutralised byte by byte. A large batch is cut into slices formatted on every core at once
/// and joined in order, so the bytes are those of one pass in order.
struct AudienceRows {
    var sends: [UInt8] = []
    var sms: [UInt8] = []
    var whatsapp: [UInt8] = []
    var email: [UInt8] = []
    var push: [UInt8] = []

    /// Sends below which a batch is formatted on the caller's thread alone.
    static let parallelFrom = 1024
    /// Threads formatting a large batch.
    static let workers = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// The rows of `sends` (with each channel's service format too when `channels`).
    static func format(_ sends: [AudienceSend], channels: Bool) -> AudienceRows {
        let slices = sends.count < parallelFrom ? 1 : workers
        guard slices > 1 else {
            var rows = AudienceRows()
            for send in sends { rows.append(send, channels: channels) }
            return rows
        }
        let parts = ParallelSlots(count: slices, initial: AudienceRows())
        DispatchQueue.concurrentPerform(iterations: slices) { s in
            var rows = AudienceRows()
            for send in sends[(sends.count * s / slices)..<(sends.count * (s + 1) / slices)] { rows.append(send, channels: channels) }
            parts[s] = rows
        }
        var rows = parts[0]
        for s in 1..<slices {
            let part = parts[s]
            rows.sends += part.sends
            rows.sms += part.sms
            rows.whatsapp += part.whatsapp
            rows.email += part.email
            rows.push += part.push
        }
        return rows
    }

    /// Appends one send's `sends.csv` row and, when `channels`, its channel file's row.
    mutating func append(_ send: AudienceSend, channels: Bool) {
        Self.appendRow(
            [
                send.line, send.customerID, send.segment, send.festival, send.channel.rawValue, send.language, send.template,
                send.sendDate.description, send.sendTime, send.timeZone, send.contact, send.message, String(send.smsSegments),
                AudienceFiles.amount(send.cost),
            ], to: &sends)
        guard channels else { return }
        let part = { (name: String) in send.parts.first { $0.name == name }?.text ?? "" }
        switch send.channel {
        case .sms:
            Self.appendRow(
                [
                    String(send.contact.dropFirst()), send.message, send.dlt.entityID, send.dlt.header, send.dlt.templateID,
                    send.sendDate.description, send.sendTime,
                ], to: &sms)
        case .whatsapp:
            let message = JSONValue.object([
                ("messaging_product", .string("whatsapp")), ("recipient_type", .string("individual")),
                ("to", .string(String(send.contact.dropFirst()))), ("type", .string("template")),
                ("template", send.whatsappTemplate ?? .null),
            ])
            message.appendCompact(to: &whatsapp)
            whatsapp.append(0x0A)
        case .email:
            Self.appendRow([send.contact, part("subject"), part("body"), send.sendDate.description, send.sendTime], to: &email)
        case .push:
            let message = JSONValue.object([
                (
                    "message",
                    .object([
                        ("token", .string(send.contact)),
                        ("notification", .object([("title", .string(part("title"))), ("body", .string(part("body")))])),
                    ])
                )
            ])
            message.appendCompact(to: &push)
            push.append(0x0A)
        }
    }

    /// Appends a CSV row of text fields, each neutralised (``AudienceFiles/safe(_:)``) and escaped, ending in LF.
    static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            CSVWriter.append(AudienceFiles.safe(field), to: &out)
        }
        out.append(0x0A)
    }

}
