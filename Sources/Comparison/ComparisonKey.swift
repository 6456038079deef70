import Planner

/// What a comparison groups plan lines by (`--by`).
public enum ComparisonKey: String, CaseIterable, Sendable {
    case segment, region, language, festival, channel, line

    /// The group a line falls in: its segment id, region code, language code, festival id,
    /// channel, or for `line` its ``PlanLine/key`` (segment, festival and channel).
    public func value(of line: PlanLine) -> String {
        switch self {
        case .segment: line.segment
        case .region: line.region
        case .language: line.language
        case .festival: line.festival
        case .channel: line.channel
        case .line: line.key
        }
    }
}
