import PlannerCore

// plan.json, schema version 1: the keys (snake_case, in the order written) and the precision of
// every figure, in one place. `CanonicalJSON` writes it (see `Plan.canonicalJSON`), Foundation's
// `JSONDecoder` reads it (see `Plan.parse`), and `schemas/plan.schema.json` describes it.
//
// Precision: money with two decimals; costs per message 4; expected reach 2; conversions and
// responses 4, revenue 2; ROI 4; cost per conversion 2; marginal returns and λ 6; objective and
// dual bound 2, gap 6, relative gap and constraint violation in scientific notation. Optional
// figures are written as `null`, never left out.

extension Plan: Codable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", name, campaignID = "campaign_id", country, currency, period, asOf = "as_of", budget,
            assumptions, input, segmentation, warnings
        case segments, excluded, lines, messages, certificate, totals
    }

    /// The plan's canonical JSON text (`plan.json`): the same plan, the same bytes.
    public var canonicalJSON: String {
        // Every figure is finite (the builder checks its forecasts), so encoding cannot fail.
        do { return try CanonicalJSON.text(of: self) } catch { preconditionFailure("plan.json: \(error)") }
    }

    /// Writes `plan.json`, schema version ``schemaVersion`` first.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(name, forKey: .name)
        try c.encode(campaignID, forKey: .campaignID)
        try c.encode(country, forKey: .country)
        try c.encode(currency, forKey: .currency)
        try c.encode(period, forKey: .period)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(budget, forKey: .budget)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(input, forKey: .input)
        // Only for segments cut further, so plans by region and language keep their bytes.
        try c.encodeIfPresent(segmentation, forKey: .segmentation)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(segments, forKey: .segments)
        try c.encode(excluded, forKey: .excluded)
        try c.encode(lines, forKey: .lines)
        try c.encode(messages, forKey: .messages)
        try c.encode(certificate, forKey: .certificate)
        try c.encode(totals, forKey: .totals)
    }

    /// Reads `plan.json` of schema version ``schemaVersion``; another version is a data-corrupted
    /// error at `schema_version`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        guard version == Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: c, debugDescription: "schema version \(version), not \(Self.schemaVersion)")
        }
        self.init(
            name: try c.decode(String.self, forKey: .name), campaignID: try c.decode(String.self, forKey: .campaignID),
            country: try c.decode(String.self, forKey: .country),
            currency: try c.decode(String.self, forKey: .currency), period: try c.decode(Brief.Period.self, forKey: .period),
            asOf: try c.decode(CivilDate.self, forKey: .asOf), budget: try c.decode(Money.self, forKey: .budget),
            assumptions: try c.decode([Assumption].self, forKey: .assumptions),
            segments: try c.decode([PlanSegment].self, forKey: .segments), excluded: try c.decode([Exclusion].self, forKey: .excluded),
            lines: try c.decode([PlanLine].self, forKey: .lines), messages: try c.decode([PlanMessage].self, forKey: .messages),
            certificate: try c.decode(PlanCertificate.self, forKey: .certificate), totals: try c.decode(PlanTotals.self, forKey: .totals),
            input: try c.decode(InputSummary.self, forKey: .input), warnings: try c.decode([String].self, forKey: .warnings),
            segmentation: try c.decodeIfPresent(PlanSegmentation.self, forKey: .segmentation))
    }
}

extension InputSummary {
    enum CodingKeys: String, CodingKey {
        case file, size, sha256, columns, dateFormat = "date_format", rowsRead = "rows_read", accepted, rejects, source, table
    }

    /// Writes the summary; `date_format` is `null` for ISO dates; `source` and `table` only for a
    /// cube or a PostgreSQL table, so plans of CSV exports keep their bytes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(size, forKey: .size)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(columns, forKey: .columns)
        try c.encode(dateFormat, forKey: .dateFormat)
        try c.encode(rowsRead, forKey: .rowsRead)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(rejects, forKey: .rejects)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(table, forKey: .table)
    }
}

extension PlanSegment {
    enum CodingKeys: String, CodingKey {
        case id, region, regionName = "region_name", language, customers, reachable, spend, orders, active90d = "active_90d"
        case imputedLanguage = "imputed_language", status, festivals
    }
}

extension Exclusion {
    enum CodingKeys: String, CodingKey {
        case segment, festival, channel, reason
    }

    /// Writes the exclusion; a whole segment's has `null` festival and channel.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(segment, forKey: .segment)
        try c.encode(festival, forKey: .festival)
        try c.encode(channel, forKey: .channel)
        try c.encode(reason, forKey: .reason)
    }
}

extension PlanMessage {
    enum CodingKeys: String, CodingKey {
        case segment, festival, channel, template, language, fallbackFrom = "fallback_from", text, encoding
        case smsSegments = "sms_segments", costPerMessage = "cost_per_message"
    }

    /// Writes the message; `fallback_from` is `null` for a text in the segment's own language.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(segment, forKey: .segment)
        try c.encode(festival, forKey: .festival)
        try c.encode(channel, forKey: .channel)
        try c.encode(template, forKey: .template)
        try c.encode(language, forKey: .language)
        try c.encode(fallbackFrom, forKey: .fallbackFrom)
        try c.encode(text, forKey: .text)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(smsSegments, forKey: .smsSegments)
        try c.encode(FixedDecimal(costPerMessage, places: 4), forKey: .costPerMessage)
    }
}

extension PlanCertificate {
    enum CodingKeys: String, CodingKey {
        case method, objective, dualBound = "dual_bound", gap, relativeGap = "relative_gap", maxViolation = "max_violation", lambda
        case binding
    }

    /// Writes the certificate at the precision a reviewer checks it with.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(FixedDecimal(objective, places: 2), forKey: .objective)
        try c.encode(FixedDecimal(dualBound, places: 2), forKey: .dualBound)
        try c.encode(FixedDecimal(gap, places: 6), forKey: .gap)
        try c.encode(ScientificDecimal(relativeGap), forKey: .relativeGap)
        try c.encode(ScientificDecimal(maxViolation), forKey: .maxViolation)
        try c.encode(FixedDecimal(lambda, places: 6), forKey: .lambda)
        try c.encode(binding, forKey: .binding)
    }
}

extension PlanTotals {
    enum CodingKeys: String, CodingKey {
        case budget, allocated, unspent, unspentReasons = "unspent_reasons", messages, conversions, revenue, roi
    }

    /// Writes the totals; `roi` is `null` when nothing is allocated.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(budget, forKey: .budget)
        try c.encode(allocated, forKey: .allocated)
        try c.encode(unspent, forKey: .unspent)
        try c.encode(unspentReasons, forKey: .unspentReasons)
        try c.encode(messages, forKey: .messages)
        try c.encode(FixedRange(conversions, places: 4), forKey: .conversions)
        try c.encode(FixedRange(revenue, places: 2), forKey: .revenue)
        try c.encode(roi.map { FixedDecimal($0, places: 4) }, forKey: .roi)
    }
}

/// A low / base / high range written with a fixed number of decimals (a forecast in plan.json
/// and in the documents that quote it, such as results.json).
public struct FixedRange: Encodable, Sendable {
    /// The range before rounding.
    public let range: Range3
    /// Decimals written for each end and the base.
    public let places: Int

    /// `range` to be written with `places` decimals.
    public init(_ range: Range3, places: Int) {
        self.range = range
        self.places = places
    }

    /// Writes `{low, base, high}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Range3.CodingKeys.self)
        try c.encode(FixedDecimal(range.low, places: places), forKey: .low)
        try c.encode(FixedDecimal(range.base, places: places), forKey: .base)
        try c.encode(FixedDecimal(range.high, places: places), forKey: .high)
    }
}

extension Range3 {
    enum CodingKeys: String, CodingKey {
        case low, base, high
    }
}
