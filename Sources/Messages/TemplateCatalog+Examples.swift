import PlannerCore

extension TemplateCatalog {
    /// `given` with each other argument of the template filled with the template's example value,
    /// for previews (`render --examples`). Terms (`{discount, ...}` wording chosen per language)
    /// are left to the template's own text.
    public func fillingExamples(_ given: [String: String], templateID: String) throws(MessageError) -> [String: String] {
        var values = given
        for argument in try requireTemplate(id: templateID).arguments where values[argument.name] == nil && argument.type != .term {
            if let example = argument.example { values[argument.name] = example }
        }
        return values
    }
}
