import Festivals
import Locales
import PlannerCore
import PlannerIO
import Segments

extension PlanContext {
    /// Streams the customers into the segment cube, checks the reject rate, and keeps the
    /// substantial segments (rolled up where small), largest first up to `max_segments`.
    mutating func segments() throws -> [SegmentInfo] {
        var explicit: [CanonicalField: String] = [:]
        var origins: [CanonicalField: Diagnostic] = [:]
        for key in brief.customers.columns.keys.sorted() {
            guard let field = CanonicalField(rawValue: key) else {
                throw document.diagnostic(
                    at: ["customers", "columns", DataKey(stringValue: key)],
                    message:
                        "unknown customer field '\(key)'\(Suggestion.phrase(for: key, among: CanonicalField.allCases.map(\.rawValue)))",
                    hint: "fields: \(CanonicalField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            explicit[field] = brief.customers.columns[key]
            origins[field] = document.diagnostic(at: ["customers", "columns", DataKey(stringValue: key)], message: "")
        }
        var mapping = ColumnMapping(explicit: explicit, origins: origins)
        if let dateFormat = brief.customers.dateFormat {
            mapping.dateOrder = try ColumnMapping.dateOrder(
                dateFormat, at: document.diagnostic(at: ["customers", "date_format"], message: ""))
        }
        if let reach = brief.customers.reach {
            mapping.reach = try ColumnMapping.reachRule(reach, at: document.diagnostic(at: ["customers", "reach"], message: ""))
        }
        var reader = try SegmentReader(catalog: locales, country: brief.country, mapping: mapping, asOf: asOf)
        do {
            reader.dimension = try SegmentDimension.extra(from: brief.segmentation.by, option: "segmentation.by")
        } catch {
            throw document.diagnostic(at: ["segmentation", "by"], message: error.message, hint: error.hint)
        }
        let result: SegmentReadResult
        switch customersSource {
        case .csv:
            result = try reader.read(path: customersPath, rejectsPath: request.rejectsPath)
            customersFingerprint = try FileFingerprint(path: customersPath)
        case .cube, .postgres:
            var read = Segmentation.Request(source: customersSource, country: brief.country, mapping: mapping, asOf: asOf)
            read.dimension = reader.dimension
            result = try Segmentation.read(read, catalog: locales)
            if case .cube = customersSource { customersFingerprint = try FileFingerprint(path: customersPath) }
        }
        var report = result.report
        if let shown = request.rejectsShownPath { report.rejectsPath = shown }
        readReport = report
        segmentation = reader.dimension.map { PlanSegmentation(dimension: $0, valueCuts: result.valueCuts) }
        warnings += report.warnings.map(OptionText.plain)  // a plan document speaks to every front end
        try report.checkHasCustomers()
        try report.check(maxRejectRate: request.maxRejectRate)
        let rows = SubstantialityRollup(
            minCustomers: brief.segmentation.minCustomers,
            minSpend: Money(minor: Int64((brief.segmentation.minSpend * 100).rounded())),
            maxShare: brief.segmentation.maxShare
        ).apply(to: result.cube, country: country)
        var kept: [SegmentInfo] = []
        for row in rows {
            let id = row.key.description
            switch row.status {
            case .dropped:
                excluded.append(Exclusion(segment: id, festival: nil, channel: nil, reason: row.reason))
            case .merged:
                continue
            case .kept:
                kept.append(info(row))
            }
        }
        kept.sort { ($0.row.cell.customers, $1.id) > ($1.row.cell.customers, $0.id) }
        if kept.count > brief.segmentation.maxSegments {
            for segment in kept[brief.segmentation.maxSegments...] {
                excluded.append(
                    Exclusion(
                        segment: segment.id, festival: nil, channel: nil,
                        reason: "beyond the brief's max_segments (\(brief.segmentation.maxSegments)); smaller than the segments kept"))
            }
            kept = Array(kept[..<brief.segmentation.maxSegments])
        }
        return kept.sorted { $0.id < $1.id }
    }

    /// The regions a segment row covers and the region whose dates it uses.
    func info(_ row: SegmentRow) -> SegmentInfo {
        let regions: [Region]
        switch row.level {
        case .region: regions = country.region(code: row.segment).map { [$0] } ?? []
        case .zone:
            let zone = row.segment.split(separator: ":").last.map(String.init) ?? row.segment
            regions = country.regions.filter { $0.zone == zone }
        case .country: regions = country.regions
        }
        let name: String
        switch row.level {
        case .region: name = regions.first?.name ?? row.segment
        case .zone: name = "\(country.zone(code: String(row.segment.split(separator: ":").last ?? ""))?.name ?? row.segment) zone"
        case .country: name = country.name
        }
        // The most populous region stands for a zone; the whole country uses the catalogue's
        // reference city.
        let reference = row.level == .country ? nil : regions.max { ($0.population, $1.code) < ($1.population, $0.code) }?.code
        return SegmentInfo(
            id: row.key.description, row: row, regions: regions.map(\.code).sorted(), name: name, reference: reference)
    }

    /// Festival windows per segment: festivals observed in the segment's (reference) region or by
    /// its language community, whose principal day falls in the period.
    mutating func windows(for segments: [SegmentInfo]) throws -> [String: [FestivalOccurrence]] {
        var cache: [String: [FestivalOccurrence]] = [:]
        var result: [String: [FestivalOccurrence]] = [:]
        for segment in segments {
            let key = "\(segment.reference ?? "-")|\(segment.language)"
            if cache[key] == nil {
                // Festivals that cannot be dated were named once, in checkReferences.
                cache[key] = try festivals.days(
                    from: brief.period.start, to: brief.period.end, region: segment.reference, language: segment.language,
                    ids: brief.festivals.map(Set.init)
                ).occurrences.filter(isWanted)
            }
            let occurrences = cache[key]!
            if occurrences.isEmpty {
                excluded.append(
                    Exclusion(
                        segment: segment.id, festival: nil, channel: nil,
                        reason: "no planned festival is observed in its region or by its language community in the period"))
            }
            result[segment.id] = occurrences
        }
        return result
    }
}
