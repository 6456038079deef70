import CICU

/// One argument as a MessageFormat pattern uses it, nested ones included.
public struct MessageArgument: Hashable, Sendable {
    /// How the pattern uses the argument.
    public enum Kind: String, Sendable {
        /// `{name}`
        case none
        /// `{name, number|date|time|spellout|ordinal|duration[, style]}`
        case simple
        /// `{name, choice, ...}`: ICU's legacy numeric ranges.
        case choice
        /// `{name, plural, ...}`: branches by the locale's plural category of a count.
        case plural
        /// `{name, select, ...}`: branches by a text value (an `enum` argument).
        case select
        /// `{name, selectordinal, ...}`: branches by the locale's ordinal category (1st, 2nd).
        case selectordinal
    }

    /// The argument's name as written in the pattern; digits only for a numbered argument (`{0}`).
    public let name: String
    /// How the pattern uses the argument: plain, formatted, or branching.
    public let kind: Kind
    /// For `.simple`: the type word, e.g. `number`, `date`.
    public let type: String
    /// For `.simple`: the style, e.g. `::currency/INR`, `long`.
    public let style: String
    /// For plural/select kinds: the branch keys in pattern order (`=0`, `one`, `other`).
    public let selectors: [String]
    /// 0 for a top-level argument, 1 inside one plural/select branch, and so on.
    public let depth: Int

    /// Whether the argument is written by number (`{0}`) rather than by name.
    public var isNumbered: Bool { name.utf8.allSatisfy { (48...57).contains($0) } }

    /// The value this use needs, for error messages and template validation.
    public var expectedValue: MessageValue.Kind {
        switch kind {
        case .plural, .selectordinal, .choice: return .number
        case .select: return .string
        case .none: return .string
        case .simple:
            switch type {
            case "date", "time": return .date
            default: return .number
            }
        }
    }

    /// Lists every argument of `pattern`, in pattern order, nested ones too.
    public static func parse(_ pattern: String) throws(ICUError) -> [MessageArgument] {
        var offset: Int32 = 0
        let listing = try pattern.withUTF16 { p, n throws(ICUError) in
            do {
                return try readUTF16("parse message", initialCapacity: 256) { out, capacity, status in
                    cp_icu_message_describe(p, n, out, capacity, &offset, &status)
                }
            } catch {
                throw ICUError.syntax(pattern: pattern, offset: Int(offset), operation: "MessageFormat")
            }
        }
        var arguments: [MessageArgument] = []
        for line in listing.split(separator: "\n", omittingEmptySubsequences: true) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(Self.unescaped)
            guard f.count == 6, let depth = Int(f[0]) else {
                // The bridge writes six fields a line; anything else is a bridge defect, not the user's.
                throw ICUError.status(code: -1, name: "malformed argument listing", operation: "parse message")
            }
            arguments.append(
                MessageArgument(
                    name: f[1], kind: Kind(rawValue: f[2]) ?? .none, type: f[3], style: f[4],
                    selectors: f[5].split(separator: " ").map(String.init), depth: depth))
        }
        return arguments
    }

    /// A listing field with the bridge's `\\`, `\t`, `\n` and `\r` escapes undone.
    static func unescaped(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// A value for a MessageFormat argument.
public enum MessageValue: Sendable, Hashable {
    /// Text: for `{name}` and `{name, select, ...}`.
    case string(String)
    /// A number: for plural, `number` and the like.
    case number(Double)
    /// A whole number, passed to ICU exactly: counts and quantities.
    case integer(Int)
    /// An exact decimal written in ASCII (`"149.50"`): money without binary rounding.
    case decimal(String)
    /// A moment, in milliseconds since 1970 UTC: for `date` and `time`.
    case date(epochMilliseconds: Double)

    /// The broad kind of a value, for type checks.
    /// Raw values are the words error messages use: `text`, `a number`, `a date`.
    public enum Kind: String, Sendable { case string = "text", number = "a number", date = "a date" }

    /// The broad kind of the value, for checking it against the argument's use.
    public var kind: Kind {
        switch self {
        case .string: .string
        case .number, .integer, .decimal: .number
        case .date: .date
        }
    }
}
