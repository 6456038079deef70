import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// The machine's date, for the few defaults that depend on it (`segments --as-of`, `festivals`
/// without a year). Plans never read it: their day defaults to the brief's first day.
enum Clock {
    /// Today in UTC.
    static var today: CivilDate { CivilDate(dayNumber: Int(time(nil)) / 86_400) }
}
