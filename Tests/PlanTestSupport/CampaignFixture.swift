import Foundation

/// A campaign written by hand: a plan, its audience folder and outcomes, for the tests of
/// `results` (library and command line), whose figures are worked out by hand.
///
/// L0001 (IN-WB/bn durga_puja sms): customers T1-T100 messaged at ₹0.12, H1-H100 held out with
/// ghost sends; T1-T40 and H1-H20 converted for ₹500 each. L0002 (IN-DL/hi diwali email): E1-E10
/// messaged at ₹0.02, G1-G10 held out; E1, E2 and G1 converted for ₹100. X1 is held out with no
/// ghost send (it counts in no group).
public enum CampaignFixture {
    /// The plan's two lines.
    public static let lines = [
        PlanDocumentFixture.Line(
            segment: "IN-WB/bn", festival: "durga_puja", channel: "sms", budget: 12, conversions: 15, revenue: 7500, marginal: 1.2),
        PlanDocumentFixture.Line(
            segment: "IN-DL/hi", festival: "diwali", channel: "email", budget: 0.2, conversions: 0.5, revenue: 50, marginal: 1.1),
    ]

    /// Writes the campaign (plan.json, audience/, outcomes.csv) into a new folder and returns it.
    public static func write(outcomes: String) throws -> String {
        let folder = NSTemporaryDirectory() + "results-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: "\(folder)/audience", withIntermediateDirectories: true)
        try Data(PlanDocumentFixture.json(name: "Hand", budget: 20, segments: ["IN-DL/hi", "IN-WB/bn"], lines: lines))
            .write(to: URL(fileURLWithPath: "\(folder)/plan.json"))
        var sends =
            "line,customer_id,segment,festival,channel,language,template,send_date,send_time,time_zone,contact,message,sms_segments,cost\n"
        for i in 1...100 {
            sends += "L0001,T\(i),IN-WB/bn,durga_puja,sms,bn,festive-offer,2026-11-02,10:00,Asia/Kolkata,+919800000000,hi,1,0.12\n"
        }
        for i in 1...10 { sends += "L0002,E\(i),IN-DL/hi,diwali,email,hi,festive-offer,2026-11-02,10:00,Asia/Kolkata,a@x.in,hi,1,0.02\n" }
        var holdout = "customer_id,segment,line\n"
        for i in 1...100 { holdout += "H\(i),IN-WB/bn,L0001\n" }
        for i in 1...10 { holdout += "G\(i),IN-DL/hi,L0002\n" }
        holdout += "X1,IN-WB/bn,\n"
        try sends.write(toFile: "\(folder)/audience/sends.csv", atomically: true, encoding: .utf8)
        try holdout.write(toFile: "\(folder)/audience/holdout.csv", atomically: true, encoding: .utf8)
        try outcomes.write(toFile: "\(folder)/outcomes.csv", atomically: true, encoding: .utf8)
        return folder
    }

    /// The outcomes above and five bad rows: unknown customer, a second row for T1, negative
    /// revenue, a bad flag, no id (lines 66-70).
    public static var outcomes: String {
        var text = "customer_id,converted,revenue\n"
        for i in 1...40 { text += "T\(i),1,500\n" }
        for i in 1...20 { text += "H\(i),1,500.00\n" }
        text += "E1,yes,100\nE2,1,100\nG1,true,100\nX1,1,100\n"
        // Five bad rows: unknown customer, a second row for T1, negative revenue, a bad flag, no id.
        text += "NOPE,1,10\nT1,1,500\nT41,1,-5\nT42,maybe,1\n,1,1\n"
        return text
    }
}
