import PlannerCore
import PlannerIO

/// A way of cutting segments beyond region and language: the value tier (RFM), the activity band
/// or the device. Region and language are always dimensions (every segment has both); at most one
/// of these is added (`segments --by region,language,value_tier`, `segmentation: {by: [...]}`).
public enum SegmentDimension: String, Sendable, CaseIterable {
    /// Customers' region (ISO 3166-2), always present.
    case region
    /// Customers' language (BCP 47), always present.
    case language
    /// The RFM value tier (``ValueTier``): quintiles of recency, frequency and spend computed on
    /// the file, named groups such as `champions` and `lapsed`.
    case valueTier = "value_tier"
    /// The activity band (``ActivityBand``): how recently the customer last ordered.
    case activity
    /// The device (``DeviceGroup``) from the `device_os` column.
    case device

    /// The extra dimension a list of names asks for (`["region", "language", "value_tier"]`), nil
    /// for region and language only; `option` names where the list was written in errors.
    /// - Throws: a request ``Diagnostic`` for an unknown name (with the nearest known one), a list
    ///   without region or language, or more than one extra dimension.
    public static func extra(from names: [String], option: String) throws(Diagnostic) -> SegmentDimension? {
        var extras: [SegmentDimension] = []
        var seen = Set<SegmentDimension>()
        for name in names {
            let text = name.trimmingASCIISpaces().lowercased()
            guard let dimension = SegmentDimension(rawValue: text) else {
                throw Diagnostic(
                    .badRequest, field: option,
                    message: "unknown segment dimension '\(name)'\(Suggestion.phrase(for: text, among: allCases.map(\.rawValue)))",
                    hint: "dimensions: \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard seen.insert(dimension).inserted else { continue }
            if dimension != .region && dimension != .language { extras.append(dimension) }
        }
        guard seen.contains(.region), seen.contains(.language) else {
            throw Diagnostic(
                .badRequest, field: option, message: "segments are always cut by region and language; the list must name both",
                hint: "e.g. region,language,value_tier")
        }
        guard extras.count <= 1 else {
            throw Diagnostic(
                .badRequest, field: option,
                message:
                    "at most one of value_tier, activity and device can be added to region and language (got \(extras.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        return extras.first
    }

    /// The group names of an extra dimension, in their fixed order (empty for region and language).
    public var groups: [String] {
        switch self {
        case .region, .language: []
        case .valueTier: ValueTier.allCases.map(\.rawValue)
        case .activity: ActivityBand.allCases.map(\.rawValue)
        case .device: DeviceGroup.allCases.map(\.rawValue)
        }
    }
}

/// The device a customer uses, from the `device_os` column (any case; the reader trims spaces):
/// `android` (Android), `ios` (iOS, iPhone, iPad, iPadOS), `web` (web, desktop, browser,
/// Windows, macOS, Mac), `other` for anything else, an empty field or no column.
public enum DeviceGroup: String, Sendable, CaseIterable {
    /// Android phones and tablets.
    case android
    /// iPhones and iPads.
    case ios
    /// A browser on a computer.
    case web
    /// Anything else, or no device given.
    case other

    /// The group index of a `device_os` field's bytes (in ``allCases`` order).
    static func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !bytes.isEmpty, bytes.count <= 15 else { return 3 }
        switch String(decoding: bytes, as: UTF8.self).lowercased() {
        case "android": return 0
        case "ios", "iphone", "ipad", "ipados": return 1
        case "web", "desktop", "browser", "windows", "macos", "mac": return 2
        default: return 3
        }
    }
}

/// How recently a customer last ordered, counted back from the as-of day (the day itself is 0
/// days back). Bands do not overlap.
public enum ActivityBand: String, Sendable, CaseIterable {
    /// The last order is 0-89 days before the as-of day.
    case active90d = "active_90d"
    /// 90-179 days before.
    case active180d = "active_180d"
    /// 180-364 days before.
    case active365d = "active_365d"
    /// 365 days or more before, or no order date at all.
    case inactive

    /// The band of an order `age` days back (`Int.max`: no order date).
    @inline(__always)
    static func index(age: Int) -> Int { age < 90 ? 0 : age < 180 ? 1 : age < 365 ? 2 : 3 }
}
