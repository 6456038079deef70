import Foundation
import ICUKit
import Locales
import Messages
import PlannerCore
import PlannerIO
import Testing

@Suite("Rendering the shipped templates")
struct RenderTests {
    static let offer: [String: String] = [
        "name": "Asha", "discount": "20", "min_order": "499", "deadline": "2026-11-08", "url": "https://fdco.in/d/AB12CD",
    ]

    @Test("English SMS: GSM-7 with Rs. for ₹, one segment, DLT text with tagged recipient values")
    func english() throws {
        let message = try Shipped.catalog.render(templateID: "festive-offer", language: "en", channel: .sms, values: Self.offer)
        #expect(
            message.text
                == "Happy Diwali, Asha! Get 20% off on orders above Rs.499 till 8 Nov. Order: https://fdco.in/d/AB12CD -FOODCO. Opt out: SMS STOP to 1909"
        )
        #expect(message.sms?.encoding == .gsm7)
        #expect(message.sms?.units == 133)
        #expect(message.sms?.segments == 1)
        #expect(message.cost(pricePerSegment: 0.2) == 0.2)
        let dlt = try #require(message.dlt)
        #expect(
            dlt.text
                == "Happy Diwali, {#alphanumeric#}! Get 20% off on orders above Rs.499 till 8 Nov. Order: {#url#} -FOODCO. Opt out: SMS STOP to 1909"
        )
        #expect(dlt.errors.isEmpty)
        #expect(dlt.matches(message.text))
        #expect(!dlt.matches(message.text.replacingOccurrences(of: "20%", with: "25%")))
        #expect(dlt.templateID == "1207160000000000001")
    }

    @Test("Tamil SMS: UCS-2, units are UTF-16 code units, more segments than English")
    func tamil() throws {
        let message = try Shipped.catalog.render(templateID: "festive-offer", language: "ta", channel: .sms, values: Self.offer)
        let sms = try #require(message.sms)
        #expect(sms.encoding == .ucs2)
        #expect(sms.units == message.text.utf16.count)
        #expect(sms.segments == (sms.units <= 70 ? 1 : (sms.units + 66) / 67) || sms.packingDisagrees)
        #expect(sms.segments >= 2)
        #expect(message.locale == "ta_IN@numbers=latn")
        #expect(message.text.hasPrefix("தீபாவளி வாழ்த்துகள், Asha!"))
    }

    @Test("Urdu starts right to left, the Latin name and link isolated, also in the DLT text")
    func urdu() throws {
        let message = try Shipped.catalog.render(templateID: "festive-offer", language: "ur", channel: .sms, values: Self.offer)
        #expect(message.text.unicodeScalars.first == "\u{200F}")
        #expect(message.text.contains("\u{2068}Asha\u{2069}"))
        #expect(try TextMetrics.paragraphDirection(message.text) == .rightToLeft)
        let dlt = try #require(message.dlt)
        #expect(dlt.text.contains("\u{2068}{#alphanumeric#}\u{2069}"))
        #expect(dlt.matches(message.text))
    }

    @Test("WhatsApp: named parameters for recipient values, campaign values baked in")
    func whatsapp() throws {
        let message = try Shipped.catalog.render(templateID: "festive-offer", language: "hi", channel: .whatsapp, values: Self.offer)
        let payload = try #require(message.whatsapp)
        #expect(payload.languageCode == "hi")
        #expect(payload.errors.isEmpty)
        let json = payload.registration.render()
        #expect(json.contains("\"parameter_format\": \"NAMED\""))
        #expect(json.contains("दीपावली की शुभकामनाएँ, {{name}}! 8 नवंबर तक ₹499"))
        #expect(json.contains("\"param_name\": \"url\""))
        #expect(payload.send.render().contains("\"parameter_name\": \"name\""))
    }

    @Test("fallbacks: Assamese and Konkani have no WhatsApp templates; Meetei Mayek has no ICU data")
    func fallbacks() throws {
        let assamese = try Shipped.catalog.availability(templateID: "festive-offer", language: "as", channel: .whatsapp)
        #expect(assamese.language == "en")
        #expect(try Shipped.catalog.availability(templateID: "festive-offer", language: "as", channel: .sms) == .direct(language: "as"))
        let kashmiri = try Shipped.catalog.availability(templateID: "festive-offer", language: "ks", channel: .whatsapp)
        #expect(kashmiri.language == "ur")
        let meetei = try Shipped.catalog.render(templateID: "festive-offer", language: "mni-Mtei", channel: .sms, values: Self.offer)
        #expect(meetei.language == "mni")
        #expect(meetei.fallbackFrom == "mni-Mtei")
        #expect(!meetei.text.contains("M11"))
    }

    @Test("strict arguments: missing, misspelt, wrong type, out of range; unknown template and language")
    func strict() throws {
        var missing = Self.offer
        missing["discount"] = nil
        #expect(throws: MessageError.missingArgument(template: "festive-offer", language: "hi", argument: "discount")) {
            try Shipped.catalog.render(templateID: "festive-offer", language: "hi", channel: .sms, values: missing)
        }
        var misspelt = Self.offer
        misspelt["discont"] = "20"
        #expect(throws: MessageError.self) {
            try Shipped.catalog.render(templateID: "festive-offer", language: "hi", channel: .sms, values: misspelt)
        }
        var wrong = Self.offer
        wrong["deadline"] = "8 Nov"
        #expect(throws: MessageError.self) {
            try Shipped.catalog.render(templateID: "festive-offer", language: "hi", channel: .sms, values: wrong)
        }
        #expect(throws: MessageError.self) {
            try Shipped.catalog.render(templateID: "no-such", language: "hi", channel: .sms, values: Self.offer)
        }
        let unknown = #expect(throws: MessageError.self) {
            try Shipped.catalog.render(templateID: "festive-offer", language: "klingon", channel: .sms, values: Self.offer)
        }
        // The catalog's one language lookup: a request error that lists the known codes.
        #expect(unknown?.diagnostic.fault == .badRequest)
        #expect(unknown?.diagnostic.message == "unknown language 'klingon'")
        #expect(unknown?.diagnostic.hint?.hasPrefix("known languages: ") == true)
        // A tagged spelling is its base language.
        #expect(
            try Shipped.catalog.render(templateID: "festive-offer", language: "hi-IN", channel: .sms, values: Self.offer).language == "hi")
    }

    @Test("a recipient value longer than DLT's 30 characters is a warning on the send")
    func longValue() throws {
        var values = Self.offer
        values["url"] = "https://fdco.in/d/" + String(repeating: "X", count: 20)
        let message = try Shipped.catalog.render(templateID: "festive-offer", language: "en", channel: .sms, values: values)
        #expect(message.warnings.contains { $0.contains("the value of {url} has 38 characters: DLT allows 30") })
        #expect(message.warnings.contains { $0.contains("more than its max_length 24") })
    }

    @Test("renders are deterministic: the same input gives the same bytes")
    func deterministic() throws {
        let a = try Shipped.catalog.render(templateID: "festive-offer", language: "bn", channel: .whatsapp, values: Self.offer)
        let b = try Shipped.catalog.render(templateID: "festive-offer", language: "bn", channel: .whatsapp, values: Self.offer)
        #expect(a.text == b.text)
        #expect(a.whatsapp?.registration.render() == b.whatsapp?.registration.render())
    }
}
