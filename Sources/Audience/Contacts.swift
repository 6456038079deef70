/// Contacts checked and normalised before anything is sent to them. An invalid value never
/// reaches a channel file: it goes to the rejects file with its line and reason.
public enum ContactRules {
    /// An Indian mobile number in E.164 (`+91` and ten digits, the first 6-9), from the ways
    /// exports write it: `+91 98765 43210`, `919876543210`, `09876543210`, `98765-43210`,
    /// `0091 9876543210`; spaces, dashes, dots and parentheses are ignored. `nil` when it is not one
    /// (a landline, too few digits, letters). For another country: `+` and 8-15 digits kept as is.
    public static func phone(_ raw: String, country: String = "IN") -> String? {
        var digits: [UInt8] = []
        var plus = false
        for (i, byte) in raw.utf8.enumerated() {
            switch byte {
            case 0x30...0x39: digits.append(byte)
            case 0x2B where i == 0 || digits.isEmpty && !plus: plus = true
            case 0x20, 0x2D, 0x2E, 0x28, 0x29: continue
            default: return nil
            }
        }
        guard country == "IN" else {
            guard plus, (8...15).contains(digits.count), digits.first != 0x30 else { return nil }
            return "+" + String(decoding: digits, as: UTF8.self)
        }
        var national: ArraySlice<UInt8>
        switch (plus, digits.count) {
        case (true, 12) where digits.starts(with: [0x39, 0x31]): national = digits[2...]
        case (false, 12) where digits.starts(with: [0x39, 0x31]): national = digits[2...]
        case (false, 14) where digits.starts(with: [0x30, 0x30, 0x39, 0x31]): national = digits[4...]
        case (false, 11) where digits.first == 0x30: national = digits[1...]
        case (false, 10): national = digits[...]
        default: return nil
        }
        guard let first = national.first, (0x36...0x39).contains(first) else { return nil }
        return "+91" + String(decoding: national, as: UTF8.self)
    }

    /// An email address trimmed, its domain lower-cased; `nil` unless it has one `@`, a local
    /// part of 1-64 characters of RFC 5322's dot-atom (no leading, trailing or double dot), and a
    /// domain of at least two DNS labels (letters, digits, inner hyphens) ending in letters.
    public static func email(_ raw: String) -> String? {
        let text = raw.trimmingCharacters()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.count <= 254 else { return nil }
        let local = parts[0], domain = parts[1].lowercased()
        guard (1...64).contains(local.utf8.count), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return nil }
        guard local.utf8.allSatisfy({ isAlphanumeric($0) || atom.contains($0) }) else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-",
                label.utf8.allSatisfy({ isAlphanumeric($0) || $0 == 0x2D })
            else { return nil }
        }
        guard let top = labels.last, top.utf8.count >= 2, top.utf8.allSatisfy({ isLetter($0) }) else { return nil }
        return "\(local)@\(domain)"
    }

    /// A push registration token: 8-4096 characters of letters, digits, `_`, `-`, `:` and `.`
    /// (FCM tokens are of these); `nil` otherwise.
    public static func pushToken(_ raw: String) -> String? {
        let text = raw.trimmingCharacters()
        guard (8...4096).contains(text.utf8.count),
            text.utf8.allSatisfy({ isAlphanumeric($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x3A || $0 == 0x2E })
        else { return nil }
        return text
    }

    /// The characters besides letters and digits of RFC 5322's dot-atom.
    private static let atom = Set("!#$%&'*+/=?^_`{|}~-.".utf8)

    private static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || (0x30...0x39).contains(b) }
}

extension String {
    /// The text without leading and trailing ASCII spaces and tabs.
    fileprivate func trimmingCharacters() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
