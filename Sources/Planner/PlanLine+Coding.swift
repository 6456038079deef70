import PlannerCore

// A plan line in plan.json: its flight as a nested object, its forecast flattened into the line
// (a reader sees `budget`, `messages`, `revenue` beside the segment and festival). Precision as
// in Plan+Coding.swift.

extension PlanLine: Codable {
    enum CodingKeys: String, CodingKey {
        case id, segment, region, language, festival, festivalName = "festival_name", festivalDate = "festival_date", channel
        case template, flight, budget, costPerMessage = "cost_per_message", status, audience, reachable, holdout, messages, reached
        case responses, conversions, revenue, roi, costPerConversion = "cost_per_conversion", marginalReturn = "marginal_return"
    }

    enum FlightKeys: String, CodingKey {
        case start, end, sendDays = "send_days", sendFrom = "send_from", sendUntil = "send_until", timeZone = "time_zone"
    }

    /// Writes the line, its flight and its forecast.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(segment, forKey: .segment)
        try c.encode(region, forKey: .region)
        try c.encode(language, forKey: .language)
        try c.encode(festival, forKey: .festival)
        try c.encode(festivalName, forKey: .festivalName)
        try c.encode(festivalDate, forKey: .festivalDate)
        try c.encode(channel, forKey: .channel)
        try c.encode(template, forKey: .template)
        var f = c.nestedContainer(keyedBy: FlightKeys.self, forKey: .flight)
        try f.encode(flight.start, forKey: .start)
        try f.encode(flight.end, forKey: .end)
        try f.encode(flight.sendDays, forKey: .sendDays)
        try f.encode(flight.sendFrom, forKey: .sendFrom)
        try f.encode(flight.sendUntil, forKey: .sendUntil)
        try f.encode(flight.timeZone, forKey: .timeZone)
        try c.encode(budget, forKey: .budget)
        try c.encode(FixedDecimal(costPerMessage, places: 4), forKey: .costPerMessage)
        try c.encode(status, forKey: .status)
        try c.encode(forecast.audience, forKey: .audience)
        try c.encode(forecast.reachable, forKey: .reachable)
        try c.encode(forecast.holdout, forKey: .holdout)
        try c.encode(forecast.messages, forKey: .messages)
        try c.encode(FixedDecimal(forecast.reached, places: 2), forKey: .reached)
        try c.encode(FixedRange(forecast.responses, places: 4), forKey: .responses)
        try c.encode(FixedRange(forecast.conversions, places: 4), forKey: .conversions)
        try c.encode(FixedRange(forecast.revenue, places: 2), forKey: .revenue)
        try c.encode(forecast.roi.map { FixedDecimal($0, places: 4) }, forKey: .roi)
        try c.encode(forecast.costPerConversion.map { FixedDecimal($0, places: 2) }, forKey: .costPerConversion)
        try c.encode(FixedDecimal(forecast.marginalReturn, places: 6), forKey: .marginalReturn)
    }

    /// Reads a line; a flight whose `send_days` does not match its dates, or that ends before it
    /// starts, is a data-corrupted error at that field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let festival = try c.decode(String.self, forKey: .festival), channel = try c.decode(String.self, forKey: .channel)
        let f = try c.nestedContainer(keyedBy: FlightKeys.self, forKey: .flight)
        let flight = Flight(
            festival: festival, channel: channel, start: try f.decode(CivilDate.self, forKey: .start),
            end: try f.decode(CivilDate.self, forKey: .end), sendFrom: try f.decode(String.self, forKey: .sendFrom),
            sendUntil: try f.decode(String.self, forKey: .sendUntil), timeZone: try f.decode(String.self, forKey: .timeZone))
        guard flight.start <= flight.end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: f, debugDescription: "the flight ends (\(flight.end)) before it starts (\(flight.start))")
        }
        let sendDays = try f.decode(Int.self, forKey: .sendDays)
        guard sendDays == flight.sendDays else {
            throw DecodingError.dataCorruptedError(
                forKey: .sendDays, in: f,
                debugDescription: "\(sendDays) send days, but \(flight.start) to \(flight.end) is \(flight.sendDays)")
        }
        let forecast = LineForecast(
            audience: try c.decode(Int.self, forKey: .audience), reachable: try c.decode(Int.self, forKey: .reachable),
            holdout: try c.decode(Int.self, forKey: .holdout), messages: try c.decode(Int.self, forKey: .messages),
            cost: try c.decode(Money.self, forKey: .budget), reached: try c.decode(Double.self, forKey: .reached),
            responses: try c.decode(Range3.self, forKey: .responses), conversions: try c.decode(Range3.self, forKey: .conversions),
            revenue: try c.decode(Range3.self, forKey: .revenue), roi: try c.decode(Double?.self, forKey: .roi),
            costPerConversion: try c.decode(Double?.self, forKey: .costPerConversion),
            marginalReturn: try c.decode(Double.self, forKey: .marginalReturn))
        self.init(
            id: try c.decode(String.self, forKey: .id), segment: try c.decode(String.self, forKey: .segment),
            region: try c.decode(String.self, forKey: .region), language: try c.decode(String.self, forKey: .language),
            festival: festival, festivalName: try c.decode(String.self, forKey: .festivalName),
            festivalDate: try c.decode(CivilDate.self, forKey: .festivalDate), channel: channel,
            template: try c.decode(String.self, forKey: .template), flight: flight,
            costPerMessage: try c.decode(Double.self, forKey: .costPerMessage), status: try c.decode(String.self, forKey: .status),
            forecast: forecast)
    }
}
