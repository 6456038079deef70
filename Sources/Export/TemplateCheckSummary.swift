import Messages

/// The summary `templates check` prints on standard output: per template the languages checked
/// and its longest SMS, so a reviewer sees which text costs the most segments.
public enum TemplateCheckSummary {
    /// One line per template, sorted by id.
    public static func lines(_ report: CheckReport) -> [String] {
        report.templates.sorted().map { id in
            var line = "\(id): \(report.languageCount(of: id)) languages checked"
            if let worst = report.worstSMS(of: id) {
                line +=
                    "; worst SMS \(worst.cost.segments) segments (\(worst.language), \(worst.cost.encoding.rawValue), \(worst.cost.units) units)"
            }
            return line
        }
    }
}
