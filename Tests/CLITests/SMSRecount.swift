import Foundation

/// SMS segments counted from the published rules alone (3GPP TS 23.038 and 23.040), independent of
/// the product's counter: a text whose every character is in the GSM 03.38 default alphabet or its
/// extension table is GSM-7 (basic characters one septet, extension characters two, the escape
/// and its character), otherwise UCS-2 (UTF-16 code units, a character outside the BMP two). One
/// segment holds 160 septets or 70 units; a longer text is split into parts of 153 septets or 67
/// units (the user data header takes the rest), an escape pair or a surrogate pair never split.
enum SMSRecount {
    /// GSM 03.38 default alphabet, in table order (0x00-0x7F; 0x1B, the escape, left out).
    static let basic: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    /// GSM 03.38 extension table (each sent as escape + character).
    static let extended: Set<Character> = Set("\u{0C}^{}\\[~]|€")

    /// Whether `text` can be sent in GSM-7.
    static func isGSM7(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let character = Character(scalar)
            return basic.contains(character) || extended.contains(character)
        }
    }

    /// Segments of `text`, as an operator splits it.
    static func segments(_ text: String) -> Int {
        let units: [Int]
        let single: Int, part: Int
        if isGSM7(text) {
            units = text.unicodeScalars.map { extended.contains(Character($0)) ? 2 : 1 }
            (single, part) = (160, 153)
        } else {
            units = text.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }
            (single, part) = (70, 67)
        }
        if units.reduce(0, +) <= single { return 1 }
        var segments = 1, used = 0
        for unit in units {
            if used + unit > part {
                segments += 1
                used = 0
            }
            used += unit
        }
        return segments
    }
}

/// The facts of a brief that the acceptance test holds the audience to, read from its YAML text
/// by line (independently of the product's brief loader): the frequency cap and each channel's
/// send window.
struct BriefFacts {
    /// `frequency_cap: {messages, days}`.
    var capMessages = 3, capDays = 14
    /// Per channel, its `send_window` (`HH:MM`), when the brief gives one.
    var windows: [String: (start: String, end: String)] = [:]

    init(yaml: String) {
        var section = "", channel = ""
        for raw in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if indent == 0 {
                section = String(text.prefix { $0 != ":" })
                if section == "frequency_cap" {
                    capMessages = Self.number(after: "messages:", in: text) ?? capMessages
                    capDays = Self.number(after: "days:", in: text) ?? capDays
                }
            } else if section == "channels" && indent == 2 {
                channel = String(text.prefix { $0 != ":" })
            } else if section == "channels" && text.hasPrefix("send_window:") {
                let quoted = text.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                if quoted.count == 2 { windows[channel] = (quoted[0], quoted[1]) }
            }
        }
    }

    static func number(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        return Int(text[range.upperBound...].trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }
}
