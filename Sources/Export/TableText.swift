import PlannerCore

/// Tables for terminals: columns padded to their widest cell, measured in terminal cells, with a
/// rule under the header and values as people read them (``Table/Value/displayText``).
public enum TableText {
    /// The table as terminal text.
    public static func render(_ table: Table) -> String {
        render(header: table.header, rows: table.rows.map { $0.map(\.displayText) })
    }

    /// Pads rows of text to column widths measured in terminal cells (``displayWidth(_:)``), with a
    /// rule under the header.
    public static func render(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { displayWidth($0[column]) }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - displayWidth($1)) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension TableText {
    /// The number of terminal cells a text takes, counted the way terminals do (wcwidth): combining
    /// and format marks take none (a Bengali virama or vowel sign above, a zero-width joiner), East
    /// Asian wide characters and emoji two, everything else one. Counting characters instead puts
    /// Indic and Chinese names out of line with the columns after them.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return width
            default: return width + (isWide(scalar.value) ? 2 : 1)
            }
        }
    }

    /// East Asian Wide and Fullwidth ranges (UAX #11) and the emoji blocks terminals draw double.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
