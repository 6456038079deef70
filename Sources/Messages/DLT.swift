import Foundation
import ICUKit

/// The text to register on India's DLT platform for one template in one language: campaign-fixed
/// values baked in, recipient values as pre-tagged variables (`{#var#}`, `{#url#}`, ...), checked
/// against the TRAI rules the operators scrub with.
///
/// Rules checked (TRAI directions of 16 Feb and 12 May 2023, 20 Aug 2024 and 18 Nov 2025; values
/// from msg91 and Kaleyra documentation; see the research notes, section 5): at most 2 variables
/// (a 3rd is a warning: it needs a recorded justification; more is an error); each value at most
/// 30 characters; fixed text at least 30 % of the longest message; no two variables separated
/// only by spaces or commas; `{#numeric#}` only for numbers (ASCII digits); the brand in the fixed
/// text; a variable as the last word is a warning.
public struct DLTText: Hashable, Sendable {
    /// The registration text, e.g. `Happy Diwali, {#var#}! ... -FOODCO`.
    public let text: String
    /// The variables in order: argument name and tag.
    public let variables: [Variable]
    /// Fixed graphemes / (fixed graphemes + the longest value of every variable).
    public let fixedShare: Double
    /// Rule breaks operators would reject the registration for (too many variables, a value over 30 characters, ...).
    public let errors: [String]
    /// Rule risks that may pass but deserve a look (a third variable, a variable as the last word).
    public let warnings: [String]
    /// The registered DLT content template id for this language, if the template file gives one.
    public let templateID: String?

    /// One pre-tagged variable of the registration text.
    public struct Variable: Hashable, Sendable {
        /// The name of the recipient argument the variable stands for.
        public let argument: String
        /// The DLT tag it is registered with (`{#var#}`, `{#url#}`, ...).
        public let tag: DLTTag
        /// The longest value, in characters, used for the fixed-share and length checks.
        public let maxLength: Int
    }

    /// The most characters a variable's value may have.
    public static let maxValueLength = 30
    /// The least share of fixed text.
    public static let minFixedShare = 0.30

    /// Builds the text from a render where each recipient argument was replaced by a sentinel.
    init(skeleton: String, sentinels: [Unicode.Scalar: ArgumentSpec], maxLengths: [String: Int], brand: String, templateID: String?) {
        var text = ""
        var fixed = ""
        var variables: [Variable] = []
        var errors: [String] = []
        var warnings: [String] = []
        var betweenVariables: String? = nil
        for scalar in skeleton.unicodeScalars {
            if let spec = sentinels[scalar] {
                if let between = betweenVariables, between.unicodeScalars.allSatisfy({ $0 == " " || $0 == "," || Bidi.isMark($0) }) {
                    errors.append("variables {\(variables.last!.argument)} and {\(spec.name)} are adjacent: put fixed words between them")
                }
                text += spec.dltTag.placeholder
                variables.append(Variable(argument: spec.name, tag: spec.dltTag, maxLength: maxLengths[spec.name] ?? Self.maxValueLength))
                betweenVariables = ""
            } else {
                text.unicodeScalars.append(scalar)
                fixed.unicodeScalars.append(scalar)
                betweenVariables?.unicodeScalars.append(scalar)
            }
        }
        if variables.count > 3 {
            errors.append("\(variables.count) variables: DLT allows 2 (a 3rd only with a recorded justification)")
        } else if variables.count == 3 {
            warnings.append("3 variables: DLT allows a 3rd only with a recorded justification and a separate approver")
        }
        for variable in variables where variable.maxLength > Self.maxValueLength {
            errors.append("variable {\(variable.argument)} may be \(variable.maxLength) characters: DLT allows \(Self.maxValueLength)")
        }
        for variable in variables where variable.tag == .numeric {
            warnings.append("variable {\(variable.argument)} is {#numeric#}: its values must be ASCII digits only (no grouping, no ₹)")
        }
        let fixedCount = (try? TextMetrics.graphemeCount(fixed)) ?? fixed.count
        let variableTotal = variables.reduce(0) { $0 + $1.maxLength }
        let share = fixedCount + variableTotal == 0 ? 1 : Double(fixedCount) / Double(fixedCount + variableTotal)
        if share < Self.minFixedShare {
            errors.append("fixed text is \(Int((share * 100).rounded())) % of the message: DLT needs at least 30 %")
        }
        if !fixed.contains(brand) { errors.append("the brand '\(brand)' is not in the fixed text: DLT requires it") }
        if let last = variables.last, let range = text.range(of: last.tag.placeholder, options: .backwards),
            text[range.upperBound...].unicodeScalars.allSatisfy({ !$0.properties.isAlphabetic && !("0"..."9").contains($0) })
        {
            warnings.append("the text ends with the variable {\(last.argument)}: operators prefer fixed words after the last variable")
        }
        if text.contains("  ") { warnings.append("double space in the fixed text: some operators reject it") }
        if fixed.contains("<") || fixed.contains(">") { warnings.append("'<' or '>' in the fixed text: some operators reject it") }
        self.text = text
        self.variables = variables
        self.fixedShare = share
        self.errors = errors
        self.warnings = warnings
        self.templateID = templateID
    }

    /// Whether a sent text matches this registration: the fixed parts byte for byte, in order,
    /// and each variable's value within its length (what operators' scrubbing checks).
    public func matches(_ sent: String) -> Bool {
        var pieces: [Substring] = []
        var rest = Substring(text)
        for variable in variables {
            guard let range = rest.range(of: variable.tag.placeholder) else { return false }
            pieces.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        pieces.append(rest)
        var remaining = Substring(sent)
        guard remaining.hasPrefix(pieces[0]) else { return false }
        remaining = remaining.dropFirst(pieces[0].count)
        for (i, piece) in pieces.dropFirst().enumerated() {
            if i == pieces.count - 2 {
                guard remaining.hasSuffix(piece) else { return false }
                let value = remaining.dropLast(piece.count)
                return !value.isEmpty && value.count <= Self.maxValueLength
            }
            guard !piece.isEmpty, let range = remaining.dropFirst().range(of: piece) else { return false }
            let value = remaining[..<range.lowerBound]
            guard value.count <= Self.maxValueLength else { return false }
            remaining = remaining[range.upperBound...]
        }
        return remaining.isEmpty
    }
}

/// India's promotional SMS window: delivered only between 09:00 and 21:00 local time.
public enum DLTRules {
    /// Minutes after midnight when promotional sending opens and closes.
    public static let promotionalWindow = (start: 9 * 60, end: 21 * 60)

    /// Whether a promotional SMS may be sent at `hour`:`minute` local time (the end is exclusive).
    public static func allowsPromotional(hour: Int, minute: Int) -> Bool {
        let t = hour * 60 + minute
        return t >= promotionalWindow.start && t < promotionalWindow.end
    }
}
