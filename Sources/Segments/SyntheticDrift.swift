import Locales
import PlannerCore

extension SyntheticCustomers.Drift {
    /// A drift from its written form: `grow` and `lapse` as `CODE=SHARE` (`IN-KA=0.2`), `shifts`
    /// as `CODE/FROM:TO=SHARE` (`IN-MH/mr:hi=0.2`), checked against `country`'s regions and the
    /// catalog's languages. Options are named for errors as `grow`, `lapse` and `shift`.
    /// - Throws: a request ``Diagnostic`` for a malformed entry, an unknown region or language, or
    ///   a share outside (0, 1] (growth: above 0).
    public static func parse(
        grow: [String], lapse: [String], shifts: [String], country: String, catalog: LocaleCatalog
    ) throws(Diagnostic) -> Self {
        guard let loaded = catalog.country(code: country) else {
            throw Diagnostic(.badRequest, field: OptionText.mention("country"), message: "unknown country '\(country)'")
        }
        func split(_ text: String, option: String, example: String) throws(Diagnostic) -> (String, Double) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let share = Double(parts[1]), share > 0, share.isFinite else {
                throw Diagnostic(
                    .badRequest, field: OptionText.mention(option),
                    message: "'\(text)' is not \(example.uppercased()) with a share above 0",
                    hint: "e.g. \(OptionText.mention(option, example))")
            }
            return (parts[0], share)
        }
        func region(_ code: String, option: String) throws(Diagnostic) -> String {
            let upper = code.uppercased()
            guard loaded.region(code: upper) != nil else {
                throw Diagnostic(
                    .badRequest, field: OptionText.mention(option), message: "'\(code)' is not a region of \(country)",
                    hint: "use ISO codes such as \(country)-KA")
            }
            return upper
        }
        var drift = Self()
        for text in grow {
            let (code, share) = try split(text, option: "grow", example: "IN-KA=0.2")
            drift.grow[try region(code, option: "grow")] = share
        }
        for text in lapse {
            let (code, share) = try split(text, option: "lapse", example: "IN-TN=0.3")
            guard share <= 1 else {
                throw Diagnostic(.badRequest, field: OptionText.mention("lapse"), message: "'\(text)': a share of customers is at most 1")
            }
            drift.lapse[try region(code, option: "lapse")] = share
        }
        for text in shifts {
            let (left, share) = try split(text, option: "shift", example: "IN-MH/mr:hi=0.2")
            let parts = left.split(separator: "/", maxSplits: 1).map(String.init)
            let languages = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
            guard parts.count == 2, languages.count == 2, share <= 1 else {
                throw Diagnostic(
                    .badRequest, field: OptionText.mention("shift"), message: "'\(text)' is not REGION/FROM:TO=SHARE with a share up to 1",
                    hint: "e.g. \(OptionText.mention("shift", "IN-MH/mr:hi=0.2"))")
            }
            for code in languages where catalog.language(code: code) == nil {
                throw Diagnostic(.badRequest, field: OptionText.mention("shift"), message: "unknown language code '\(code)' in '\(text)'")
            }
            drift.shifts.append(Shift(region: try region(parts[0], option: "shift"), from: languages[0], to: languages[1], share: share))
        }
        return drift
    }
}

extension SyntheticCustomers.DriftReport {
    /// `added 812 rows in IN-KA; lapsed 903 customers in IN-TN; shifted 402 customers IN-MH/mr>hi`,
    /// in key order; empty when nothing changed.
    public var summary: String {
        let added = self.added.sorted { $0.key < $1.key }.map { "added \($0.value) rows in \($0.key)" }
        let lapsed = self.lapsed.sorted { $0.key < $1.key }.map { "lapsed \($0.value) customers in \($0.key)" }
        let shifted = self.shifted.sorted { $0.key < $1.key }.map { "shifted \($0.value) customers \($0.key)" }
        return (added + lapsed + shifted).joined(separator: "; ")
    }
}
