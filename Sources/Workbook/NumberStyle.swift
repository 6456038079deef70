/// How a number is shown. Each style is one Excel number format code, chosen so that Excel and
/// LibreOffice render it the same way whatever the reader's locale settings.
public enum NumberStyle: Sendable, Hashable {
    /// As typed (Excel's "General").
    case general
    /// Whole number with western thousands grouping: `12,345`.
    case integer
    /// Two decimals with western grouping: `1,234.50`.
    case decimal2
    /// Four decimals: rates such as a response rate of `0.0125`.
    case decimal4
    /// Six decimals: small ratios such as a marginal return per rupee.
    case decimal6
    /// Percent with one decimal: 0.125 shows `12.5%`.
    case percent
    /// Whole number with Indian grouping: `12,34,56,789`. For audiences and message counts.
    case indianInteger
    /// Rupees with lakh / crore grouping and paise: `₹1,23,45,678.50`.
    case inrLakh
    /// Rupees with lakh / crore grouping, rounded to the rupee: `₹1,23,45,679`.
    case inrLakhWhole
    /// An amount in a currency other than the rupee: its ISO 4217 code first, western grouping
    /// and two decimals, so `.money(currency: "MYR")` shows `MYR 1,234.50` (the code, as the
    /// plan's report names the currency, rather than a symbol some currencies share).
    case money(currency: String)

    /// The Excel format code for zero and positive numbers. The Indian styles use two
    /// conditions (Excel allows no more), one for a crore and above, one for a lakh and above.
    public var formatCode: String {
        switch self {
        case .general: "General"
        case .integer: "#,##0"
        case .decimal2: "#,##0.00"
        case .decimal4: "#,##0.0000"
        case .decimal6: "#,##0.000000"
        case .percent: "0.0%"
        case .indianInteger: ###"[>=10000000]##\,##\,##\,##0;[>=100000]##\,##\,##0;#,##0"###
        case .inrLakh: ###"[>=10000000]"₹"##\,##\,##\,##0.00;[>=100000]"₹"##\,##\,##0.00;"₹"#,##0.00"###
        case .inrLakhWhole: ###"[>=10000000]"₹"##\,##\,##\,##0;[>=100000]"₹"##\,##\,##0;"₹"#,##0"###
        case .money(let currency):
            Self.currencyCode(currency).isEmpty ? "#,##0.00" : "\"" + Self.currencyCode(currency) + " \"#,##0.00"
        }
    }

    /// The letters and digits of a currency code, upper-cased, so it can sit in a quoted
    /// format-code literal: `myr` → `MYR`.
    static func currencyCode(_ currency: String) -> String {
        String(currency.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }).uppercased()
    }

    /// The format code for negative numbers in the Indian styles (`nil` for the others, whose
    /// code already shows a minus sign). The positive code's conditions leave every negative
    /// number to its last section, where LibreOffice 7.4 shows no minus sign at all (measured:
    /// −1234.5 rendered `₹1,234.50`), so a negative number gets this code instead, chosen when
    /// the cell is written from its value (for a formula, its cached value). Measured in
    /// LibreOffice 7.4: −12345678.5 → `-₹1,23,45,678.50`, −123456.5 → `-₹1,23,456.50`,
    /// −99999.99 → `-₹99,999.99`. LibreOffice adds the minus itself in a first conditional
    /// section and not in later ones, hence the explicit `-` only in the second and third.
    public var negativeFormatCode: String? {
        switch self {
        case .indianInteger: ###"[>-100000]#,##0;[>-10000000]-##\,##\,##0;-##\,##\,##\,##0"###
        case .inrLakh: ###"[>-100000]"₹"#,##0.00;[>-10000000]-"₹"##\,##\,##0.00;-"₹"##\,##\,##\,##0.00"###
        case .inrLakhWhole: ###"[>-100000]"₹"#,##0;[>-10000000]-"₹"##\,##\,##0;-"₹"##\,##\,##\,##0"###
        default: nil
        }
    }

    /// The built-in format id when Excel has one (0 General, 3 `#,##0`, 4 `#,##0.00`); custom
    /// formats get ids from 164 up in `styles.xml`.
    var builtinID: Int? {
        switch self {
        case .general: 0
        case .integer: 3
        case .decimal2: 4
        default: nil
        }
    }

    /// About how many characters the formatted number takes, for column widths.
    func estimatedWidth(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 1e15 else { return String(value).count }
        let whole = String(Int64(abs(value).rounded(.down)))
        let digits = max(1, whole.count)
        let indian: Set<NumberStyle> = [.indianInteger, .inrLakh, .inrLakhWhole]
        let separators = max(0, digits - 1) / (indian.contains(self) ? 2 : 3)
        let sign = value < 0 ? 1 : 0
        switch self {
        case .general: return String(value).count
        case .integer, .indianInteger: return digits + separators + sign
        case .decimal2: return digits + separators + sign + 3
        case .decimal4: return digits + separators + sign + 5
        case .decimal6: return digits + separators + sign + 7
        case .percent: return String(Int64(abs(value * 100))).count + 3 + sign
        case .inrLakh: return digits + separators + sign + 4
        case .inrLakhWhole: return digits + separators + sign + 1
        case .money(let currency):
            let code = Self.currencyCode(currency)
            return digits + separators + sign + 3 + (code.isEmpty ? 0 : code.count + 1)
        }
    }
}
