import Foundation
import Planner
import PlannerCore

/// Learned response rates from measured lifts, for the next plan's brief (``Calibration``).
///
/// The plan's model is conversions = customers reached × response rate × conversion rate, so a
/// measured incremental conversion rate per messaged customer divided by the brief's conversion
/// rate is a response rate. Per channel: the estimate is the base and its 95 % interval the low
/// and high (negative ends read as 0). Per segment and channel: each segment's estimate is shrunk
/// toward its channel's by a random-effects model (DerSimonian and Laird 1986): with `v` the
/// segment's variance (from its interval's width) and `τ²` the variance between the channel's
/// segments (method of moments), the learned rate is `channel + τ²/(τ² + v) · (segment − channel)`,
/// so a small segment keeps close to its channel and a large, clearly different one keeps its own.
/// Groups with too little data for an interval are left out: the brief's guess (or the
/// channel's) stands for them.
public enum CalibrationEstimate {
    /// The calibration `results` writes.
    /// - Parameters:
    ///   - channels: the lift per channel.
    ///   - segmentChannels: the lift per segment and channel, keyed `segment channel`.
    ///   - conversionRates: each channel's conversion rate, as the plan used it.
    public static func make(
        source: String, channels: [GroupLift], segmentChannels: [String: GroupLift], conversionRates: [String: Double]
    ) -> Calibration {
        var rates: [String: Brief.Rates] = [:]
        var segments: [String: [String: Double]] = [:]
        for lift in channels {
            let conversion = conversionRates[lift.key] ?? 1
            let d = lift.incrementalConversionRate
            guard let low = d.low, let high = d.high, conversion > 0 else { continue }
            func rate(_ x: Double) -> Double { rounded(min(1, max(0, x) / conversion)) }
            rates[lift.key] = Brief.Rates(low: rate(low), base: rate(d.estimate), high: rate(high))
            let members = segmentChannels.filter { $0.key.hasSuffix(" \(lift.key)") && $0.value.incrementalConversionRate.low != nil }
            let variances = members.mapValues(variance)
            let tau2 = betweenVariance(members.mapValues(\.incrementalConversionRate.estimate), variances)
            for (key, member) in members {
                let v = variances[key]!
                let weight = tau2 + v > 0 ? tau2 / (tau2 + v) : 0
                let shrunk = d.estimate + weight * (member.incrementalConversionRate.estimate - d.estimate)
                let segment = String(key.dropLast(lift.key.count + 1))
                segments[segment, default: [:]][lift.key] = rate(shrunk)
            }
        }
        return Calibration(source: source, channels: rates, segments: segments)
    }

    /// The variance of an estimate read from its 95 % interval (half-width / z, squared).
    static func variance(_ lift: GroupLift) -> Double {
        let d = lift.incrementalConversionRate
        let half = ((d.high ?? 0) - (d.low ?? 0)) / 2 / Interval.z
        return half * half
    }

    /// DerSimonian-Laird's between-group variance `τ²` of `estimates` with within variances `v`.
    static func betweenVariance(_ estimates: [String: Double], _ v: [String: Double]) -> Double {
        let keys = estimates.keys.sorted().filter { (v[$0] ?? 0) > 0 }
        guard keys.count >= 2 else { return 0 }
        let w = keys.map { 1 / v[$0]! }, x = keys.map { estimates[$0]! }
        let sw = w.reduce(0, +), sw2 = w.map { $0 * $0 }.reduce(0, +)
        let mean = zip(w, x).map(*).reduce(0, +) / sw
        let q = zip(w, x).map { $0 * ($1 - mean) * ($1 - mean) }.reduce(0, +)
        return max(0, (q - Double(keys.count - 1)) / (sw - sw2 / sw))
    }

    static func rounded(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }
}
