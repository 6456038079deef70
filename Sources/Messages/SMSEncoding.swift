import ICUKit

/// The two encodings an SMS can travel in.
public enum SMSEncoding: String, Sendable, Codable {
    /// The GSM 03.38 default alphabet (7-bit septets), with its extension table (2 septets each).
    case gsm7 = "GSM-7"
    /// UCS-2: UTF-16 code units, 2 octets each (an astral character such as an emoji takes 2 units).
    case ucs2 = "UCS-2"

    /// Units in a single-part message: 160 septets or 70 UTF-16 units (140 octets).
    public var singleCapacity: Int { self == .gsm7 ? 160 : 70 }
    /// Units per part of a concatenated message (the 6-octet UDH takes the rest): 153 or 67.
    public var partCapacity: Int { self == .gsm7 ? 153 : 67 }
}

/// A character that forced UCS-2, with what to write instead to stay in GSM-7, when there is one.
public struct NonGSMCharacter: Hashable, Sendable {
    /// The character as it appears in the text.
    public let character: String
    /// Its code point(s), e.g. `U+20B9`.
    public let codePoints: String
    /// How many times it occurs.
    public let count: Int
    /// A GSM-7 replacement (`Rs.` for `₹`, a space for a no-break space), or nil when the script
    /// itself needs UCS-2 (Indic, Arabic, emoji).
    public let alternative: String?
}

/// The encoding, size, segments and cost of one SMS text, as an operator bills it.
///
/// Segments are counted twice: packing whole characters (escape pairs and surrogate pairs are never
/// split: what aggregators do with code units) and packing whole grapheme clusters (what a careful
/// sender does so that no user-perceived character is cut across parts). When the two disagree the
/// higher count is reported and ``packingDisagrees`` is set.
///
/// ```swift
/// let sms = try SMSCost(text: "Happy Diwali! Rs.149 off")   // GSM-7, 24 septets, 1 segment
/// sms.cost(pricePerSegment: 0.20)                            // 0.20
/// ```
public struct SMSCost: Hashable, Sendable {
    /// The encoding the text needs: GSM-7 when every character is in the GSM alphabet, else UCS-2.
    public let encoding: SMSEncoding
    /// Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2).
    public let units: Int
    /// Billed segments: the higher of the two packings.
    public let segments: Int
    /// Segments when packing characters (escape and surrogate pairs kept whole).
    public let codeUnitSegments: Int
    /// Segments when packing whole grapheme clusters.
    public let graphemeSegments: Int
    /// The characters that forced UCS-2 (scalar value, count), in order of first appearance.
    let nonGSMScalars: [UInt32]
    let nonGSMCounts: [Int]

    /// The characters that forced UCS-2, in order of first appearance (empty for GSM-7), each
    /// with its GSM-7 alternative when there is one.
    public var nonGSM: [NonGSMCharacter] {
        zip(nonGSMScalars, nonGSMCounts).map { value, count in
            let scalar = Unicode.Scalar(value)!
            return NonGSMCharacter(
                character: String(scalar), codePoints: Self.codePoint(scalar), count: count, alternative: GSM7.alternative(scalar))
        }
    }

    /// Whether the two packings gave different segment counts.
    public var packingDisagrees: Bool { codeUnitSegments != graphemeSegments }

    /// Measures `text` as it will be sent (after rendering: ICU-inserted `₹`, NBSP, U+202F count).
    public init(text: String) throws(ICUError) {
        // One pass over the scalars: units per scalar in both encodings, and the non-GSM ones.
        // Non-GSM scalars and their counts in order of first appearance: a linear search from the
        // last one found (a message has few distinct scalars, and script text repeats them in runs),
        // faster than hashing every scalar of an Indic text.
        var nonGSMOrder: [UInt32] = []
        var nonGSMCounts: [Int] = []
        var last = 0
        var septetUnits: [Int] = []
        var utf16Units: [Int] = []
        septetUnits.reserveCapacity(text.utf8.count)
        utf16Units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            utf16Units.append(scalar.value > 0xFFFF ? 2 : 1)
            if let septets = GSM7.septets(scalar) {
                septetUnits.append(septets)
            } else {
                septetUnits.append(1)
                let value = scalar.value
                if last < nonGSMOrder.count && nonGSMOrder[last] == value {
                    nonGSMCounts[last] += 1
                } else if let seen = nonGSMOrder.firstIndex(of: value) {
                    nonGSMCounts[seen] += 1
                    last = seen
                } else {
                    last = nonGSMOrder.count
                    nonGSMOrder.append(value)
                    nonGSMCounts.append(1)
                }
            }
        }
        let encoding: SMSEncoding = nonGSMOrder.isEmpty ? .gsm7 : .ucs2
        let scalarUnits = encoding == .gsm7 ? septetUnits : utf16Units
        let units = scalarUnits.reduce(0, +)
        // Packing whole grapheme clusters (as ICU draws them) cuts the same parts as packing
        // characters when ICU puts a cluster boundary where each later part starts: a cluster holds
        // whole scalars, so every part's clusters fit and the next one does not. Only when one of
        // those places is inside a cluster are the clusters listed and packed. A text that fits
        // one segment needs no packing at all.
        let codeUnitSegments = Self.pack(scalarUnits, total: units, encoding: encoding)
        var graphemeSegments = codeUnitSegments
        if units > encoding.singleCapacity {
            var starts: [Int] = []
            var scalarIndex = 0, utf16Offset = 0
            for start in Self.partStarts(scalarUnits, encoding: encoding) {
                while scalarIndex < start {
                    utf16Offset += utf16Units[scalarIndex]
                    scalarIndex += 1
                }
                starts.append(utf16Offset)
            }
            if try !TextMetrics.areGraphemeBoundaries(starts, in: text) {
                var clusterUnits: [Int] = []
                let boundaries = try TextMetrics.graphemeBoundaries(text)
                scalarIndex = 0
                utf16Offset = 0
                for boundary in boundaries.dropFirst() {
                    var sum = 0
                    while utf16Offset < boundary, scalarIndex < scalarUnits.count {
                        sum += scalarUnits[scalarIndex]
                        utf16Offset += utf16Units[scalarIndex]
                        scalarIndex += 1
                    }
                    clusterUnits.append(sum)
                }
                graphemeSegments = Self.pack(clusterUnits, total: units, encoding: encoding)
            }
        }
        self.encoding = encoding
        self.units = units
        self.codeUnitSegments = codeUnitSegments
        self.graphemeSegments = graphemeSegments
        self.segments = max(codeUnitSegments, graphemeSegments)
        self.nonGSMScalars = nonGSMOrder
        self.nonGSMCounts = nonGSMCounts
    }

    /// Segments needed to carry `items` (each indivisible) in order.
    static func pack(_ items: [Int], total: Int, encoding: SMSEncoding) -> Int {
        if total <= encoding.singleCapacity { return 1 }
        return partStarts(items, encoding: encoding).count + 1
    }

    /// The positions in `items` (each indivisible) where a concatenated message's parts after the
    /// first start, packing them in order.
    static func partStarts(_ items: [Int], encoding: SMSEncoding) -> [Int] {
        var starts: [Int] = []
        var used = 0
        for (i, item) in items.enumerated() {
            if used + item > encoding.partCapacity, used > 0 {
                starts.append(i)
                used = 0
            }
            used += item
        }
        return starts
    }

    /// The price of sending: segments × price per segment.
    public func cost(pricePerSegment: Double) -> Double { Double(segments) * pricePerSegment }

    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038, section 6.2.1).
public enum GSM7 {
    /// The 127 printable characters of the basic table (the 128th position is the escape).
    static let basic: Set<Unicode.Scalar> = {
        let text =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
        return Set(text.unicodeScalars)
    }()

    /// Septets of each ASCII code point (0 where not in GSM-7), for the common case.
    static let asciiSeptets: [Int?] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        return basic.contains(scalar) ? 1 : extended.contains(scalar) ? 2 : nil
    }

    /// The extension table, reached through ESC: two septets each.
    static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// Septets a scalar takes in GSM-7 (1 basic, 2 extension), or nil when it is not in GSM-7.
    public static func septets(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.value < 128 { return asciiSeptets[Int(scalar.value)] }
        // Above Greek capital omega (U+03A9) the tables hold only the euro sign: no set lookup for script text.
        if scalar.value > 0x3A9 { return scalar.value == 0x20AC ? 2 : nil }
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }

    /// Whether `text` fits GSM-7 as it stands.
    public static func canEncode(_ text: String) -> Bool { text.unicodeScalars.allSatisfy { septets($0) != nil } }

    /// `text` with every character that has a GSM-7 alternative replaced by it.
    public static func replacingNonGSM(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if septets(scalar) == nil, let alternative = alternative(scalar) {
                out += alternative
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A GSM-7 spelling of a character that is not in the alphabet, when a faithful one exists.
    public static func alternative(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x20B9: "Rs."  // ₹ INDIAN RUPEE SIGN
        case 0x00A0, 0x202F, 0x2009, 0x2002, 0x2003: " "  // no-break, narrow no-break, thin, en and em spaces
        case 0x2018, 0x2019, 0x201B, 0x2032: "'"
        case 0x201C, 0x201D, 0x2033: "\""
        case 0x2013, 0x2014, 0x2212: "-"
        case 0x2026: "..."
        case 0x2022: "*"
        case 0x00D7: "x"
        case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF: ""  // invisible marks
        case 0x00E7: "Ç"
        default: nil
        }
    }
}
