import Foundation
import Planner
import PlannerCore
import Testing

@Suite("A brief with a calibration file plans with the learned rates")
struct CalibrationTests {
    @Test("a segment's learned rate scales its channel's range; the channel's learned rates stand for other segments; else the brief's")
    func rates() {
        let calibration = Calibration(
            source: "results of X", channels: ["sms": Brief.Rates(low: 0.01, base: 0.02, high: 0.04)], segments: ["IN-DL/bn": ["sms": 0.03]]
        )
        let brief = Brief.Rates(low: 0.004, base: 0.008, high: 0.012)
        // 0.03 / 0.02 = 1.5: low 0.015, high 0.06.
        let segment = calibration.rates(segment: "IN-DL/bn", channel: "sms", brief: brief)
        #expect(abs(segment.low - 0.015) < 1e-12 && segment.base == 0.03 && abs(segment.high - 0.06) < 1e-12)
        #expect(calibration.rates(segment: "IN-DL/hi", channel: "sms", brief: brief) == Brief.Rates(low: 0.01, base: 0.02, high: 0.04))
        #expect(calibration.rates(segment: "IN-DL/hi", channel: "whatsapp", brief: brief) == brief)
    }

    @Test("learned rates move the budget: WhatsApp measured at a tenth of the guess loses money to SMS, and the assumptions say why")
    func movesBudget() throws {
        let customers = Workspace.customers([("Delhi", "Hindi", 600), ("West Bengal", "Bengali", 600)])
        let guessed = try Workspace.plan(customers: customers)
        let calibration = """
            # from results
            {"source": "results of Test plan", "channels": {"whatsapp": {"low": 0.001, "base": 0.0035, "high": 0.006},
              "sms": {"low": 0.01, "base": 0.02, "high": 0.03}}, "segments": {}}
            """
        let folder = try Workspace.folder([
            "brief.yaml": Workspace.brief(extra: "calibration: results/calibration.yaml"), "customers.csv": customers,
            "results/calibration.yaml": calibration,
        ])
        let learned = try Workspace.plan(customers: customers, in: folder)
        func spend(_ plan: Plan, _ channel: String) -> Money {
            plan.lines.filter { $0.channel == channel }.map(\.budget).reduce(.zero, +)
        }
        #expect(spend(learned, "whatsapp") < spend(guessed, "whatsapp"))
        #expect(spend(learned, "sms") > spend(guessed, "sms"))
        let assumption = try #require(learned.assumptions.first { $0.key == "whatsapp.response_rate" })
        #expect(assumption.value == "0.001 / 0.0035 / 0.006")
        #expect(assumption.source == "calibration results/calibration.yaml (results of Test plan; the brief's 0.02 / 0.035 / 0.05)")
        #expect(guessed.assumptions.first { $0.key == "whatsapp.response_rate" }?.source == "brief")
    }

    @Test("a calibration file with an unknown field is an error at its line")
    func strict() throws {
        let customers = Workspace.customers([("Delhi", "Hindi", 300)])
        let folder = try Workspace.folder([
            "brief.yaml": Workspace.brief(extra: "calibration: calibration.yaml"), "customers.csv": customers,
            "calibration.yaml": "source: x\nchannels: {}\nsegments: {}\nchanels: {}\n",
        ])
        let error = try #require(throws: Diagnostic.self) { try Workspace.plan(customers: customers, in: folder) }
        #expect(error.path?.hasSuffix("/calibration.yaml") == true && error.line == 4)
    }
}
