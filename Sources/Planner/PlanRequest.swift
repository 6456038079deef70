import PlannerCore

/// What one `plan` run is asked: the brief, where the data folders are, and the inputs that would
/// otherwise make a run depend on the machine (today's date).
public struct PlanRequest: Sendable {
    /// The brief's YAML file; relative customer paths in it are resolved against its folder.
    public let briefPath: String
    /// The folder holding `locales/`, `calendars/` and `templates/`.
    public let dataRoot: String
    /// A customers CSV to use instead of the brief's.
    public let customers: String?
    /// The day the plan is made for: activity windows count back from it (default: the brief's
    /// first day, so a plan does not depend on when it is run).
    public let today: CivilDate?
    /// Where rejected customer rows go (`nil`: nowhere).
    public var rejectsPath: String?
    /// The rejects file's path as errors name it, when `rejectsPath` is a scratch file that the
    /// caller moves there (`plan` writes nothing to its output folder until the plan is made).
    public var rejectsShownPath: String?
    /// Fail when more than this share of customer rows is rejected.
    public let maxRejectRate: Double

    /// A request; `today` nil means the brief's first day, and by default at most 1 % of customer rows may be rejected.
    public init(
        briefPath: String, dataRoot: String, customers: String? = nil, today: CivilDate? = nil, rejectsPath: String? = nil,
        maxRejectRate: Double = 0.01
    ) {
        self.briefPath = briefPath
        self.dataRoot = dataRoot
        self.customers = customers
        self.today = today
        self.rejectsPath = rejectsPath
        self.maxRejectRate = maxRejectRate
    }
}
