import PlannerCore
import PlannerIO

/// The festival days of a listing, and the festivals it could not date.
///
/// A listing of every festival (no ids asked for) lists what can be dated and names the rest
/// here: a festival known only from a year table (Losar, 2010-2035) has no days for 2040, and
/// that must not hide Diwali. A festival asked for by id is never skipped: it fails instead.
public struct FestivalDays: Sendable {
    /// Sorted by date, then festival id.
    public let occurrences: [FestivalOccurrence]
    /// Sorted by festival id.
    public let skipped: [SkippedFestival]
}

/// A festival a listing left out for some of its years, and why.
public struct SkippedFestival: Sendable, Equatable {
    /// The festival's id in the calendar file.
    public let festivalID: String
    /// The English name.
    public let name: String
    /// The years asked for that could not be dated (ascending).
    public let years: [Int]
    /// The table-only festival that could not be dated: this one, or the festival its rule
    /// counts from (`relative`).
    public let tableFestivalID: String
    /// The years that table holds.
    public let tableYears: ClosedRange<Int>
    /// The error a request naming this festival for the first of those years gets.
    public let diagnostic: Diagnostic

    /// `2001-2009` or `2040`, or `2001-2003, 2040`: the skipped years as runs.
    public var yearRuns: String {
        var runs: [String] = []
        var index = 0
        while index < years.count {
            var end = index
            while end + 1 < years.count && years[end + 1] == years[end] + 1 { end += 1 }
            runs.append(end == index ? "\(years[index])" : "\(years[index])-\(years[end])")
            index = end + 1
        }
        return runs.joined(separator: ", ")
    }

    /// One line for standard error or a plan's warnings: which festival, which years, and why.
    public var message: String {
        let table = "only dates typed for \(tableYears.lowerBound)-\(tableYears.upperBound)"
        let why =
            tableFestivalID == festivalID ? "it has no rule, \(table)" : "its day counts from '\(tableFestivalID)', which has \(table)"
        return "skipped festival '\(festivalID)' (\(name)) for \(yearRuns): \(why)"
    }
}
