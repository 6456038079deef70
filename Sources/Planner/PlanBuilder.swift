import Allocation
import Festivals
import Locales
import Messages
import PlannerIO
import Segments

/// Turns a brief and a customer export into a ``Plan``: segments, festival windows, accessible
/// channels and messages, the optimal budget split and its forecast.
///
/// The steps, each traceable in the plan:
/// 1. read and check the brief; load `locales/`, `calendars/`, `templates/`; check every festival
///    and template the brief names (a typo is an error at its line);
/// 2. stream the customers into the segment cube and roll small segments up (or drop them);
/// 3. join segments with festival windows: a festival belongs to a segment when it is observed in
///    the segment's region or by its language community;
/// 4. keep a (segment, festival, channel) cell only if customers are reachable on the channel and
///    the template has a message in the language or a declared fallback; otherwise say why;
/// 5. price each cell from its rendered message (an SMS costs its real segment count), bound it
///    by the shared frequency cap, and let the allocator split the budget with a certificate;
/// 6. lay flights before each festival and forecast each line.
public enum PlanBuilder {
    /// Builds the plan for `request`, following the steps above; errors are ``Diagnostic``s naming file and line.
    public static func build(_ request: PlanRequest) throws -> Plan {
        let document = try Brief.document(path: request.briefPath)
        let brief = document.value
        var context = try PlanContext(request: request, document: document)
        let segments = try context.segments()
        let windows = try context.windows(for: segments)
        let candidates = try context.cells(segments: segments, windows: windows)
        return try context.allocate(candidates, segments: segments, brief: brief)
    }
}
