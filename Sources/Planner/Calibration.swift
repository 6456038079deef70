import PlannerCore

/// Response rates learned from a campaign's results (`calibration.yaml`, written by
/// `campaign-planner results`), for the next plan: a brief that names the file
/// (`calibration: results/calibration.yaml`) plans with these rates where they exist and with
/// its own guesses elsewhere; the plan's assumptions say which came from where.
///
/// A rate is a response rate in the plan's sense (responses per customer reached; conversions
/// are responses × the brief's conversion rate). A segment's rate is its own measurement shrunk
/// toward its channel's (see `CalibrationEstimate` in Results).
public struct Calibration: Codable, Sendable, Equatable {
    /// What the rates were learned from (`results of Festive season 2026 — India`).
    public let source: String
    /// Channel → learned response rates (low / base / high: the 95 % interval and the estimate).
    public let channels: [String: Brief.Rates]
    /// Segment id → channel → learned base response rate (its low and high scale with it).
    public let segments: [String: [String: Double]]

    /// A calibration of these rates.
    public init(source: String, channels: [String: Brief.Rates], segments: [String: [String: Double]]) {
        self.source = source
        self.channels = channels
        self.segments = segments
    }

    /// The rates a cell of `segment` on `channel` plans with: the segment's learned base rate
    /// (the channel's low and high scaled by it, or the brief's when the channel has none), else
    /// the channel's learned rates, else `brief`.
    public func rates(segment: String, channel: String, brief: Brief.Rates) -> Brief.Rates {
        let channelRates = channels[channel] ?? brief
        guard let base = segments[segment]?[channel] else { return channelRates }
        guard channelRates.base > 0 else { return Brief.Rates(low: base, base: base, high: base) }
        let scale = base / channelRates.base
        return Brief.Rates(low: min(base, channelRates.low * scale), base: base, high: max(base, min(1, channelRates.high * scale)))
    }
}
