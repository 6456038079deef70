import PlannerCore

/// Writes festival occurrences as an iCalendar file (RFC 5545) of all-day events that Google
/// Calendar and Outlook import: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
/// sequence), `DTSTART;VALUE=DATE` and an exclusive `DTEND`, a stable `UID` per occurrence and a
/// fixed `DTSTAMP` so the same input gives byte-identical files.
public enum ICSWriter {
    /// The fixed DTSTAMP (RFC 5545 requires one; a clock would make output non-deterministic).
    public static let stamp = "20000101T000000Z"

    /// The whole calendar; `localName` picks each event's local name (shown after the English).
    public static func calendar(
        _ occurrences: [FestivalOccurrence], country: String, localName: (FestivalOccurrence) -> String = { _ in "" }
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//campaign-planner//festivals//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape("Festivals \(country)"))",
        ]
        for o in occurrences {
            let local = localName(o)
            let summary = local.isEmpty || local == o.name ? o.name : "\(o.name) (\(local))"
            var description = "Principal day \(o.date). Rule: \(o.rule). Source: \(o.source)."
            if o.uncertaintyDays > 0 { description += " Date uncertain by up to \(o.uncertaintyDays) day(s)." }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(o.festivalID)-\(compact(o.date))-\(country.lowercased())@campaign-planner",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(o.start))",
                "DTEND;VALUE=DATE:\(compact(o.end.adding(days: 1)))",
                "SUMMARY:\(escape(summary))",
                "DESCRIPTION:\(escape(description))",
                "CATEGORIES:\(escape("Festival"))",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYYMMDD`.
    static func compact(_ date: CivilDate) -> String { date.description.replacingDashes() }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newline.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1): continuation
    /// lines start with one space, and a UTF-8 sequence is never split.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Back off to a scalar boundary (continuation bytes are 10xxxxxx).
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            parts.append(bytes[start..<end])
            start = end
            limit = 74
        }
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n ")
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(filter { $0 != "-" }) }
}
