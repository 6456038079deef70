import Foundation
import Locales
import Messages
import PlannerCore
import PlannerIO
import Testing

@Suite("WhatsApp, DLT and send-window rules")
struct ChannelRulesTests {
    /// A WhatsApp template with a header, a footer and a URL button (Meta limits: header 60,
    /// footer 60 without parameters, button text 25, one trailing URL parameter).
    static func whatsapp(body: String, header: String = "Diwali offers", footer: String = "FOODCO, Bengaluru", button: String = "Order now")
        -> String
    {
        """
        id: wa
        festival: diwali
        brand: FOODCO
        source: en
        languages: {en: {status: reviewed}}
        arguments:
          name: {type: string, bind: recipient, max_length: 20, example: Asha}
          code: {type: string, bind: recipient, max_length: 10, example: AB12CD}
          discount: {type: percent, bind: campaign, min: 5, max: 60, example: "20"}
        channels:
          whatsapp:
            name: wa_offer
            category: MARKETING
            parameter_format: NAMED
            header: {en: "\(header)"}
            body: {en: "\(body)"}
            footer: {en: "\(footer)"}
            buttons:
              - {type: URL, text: {en: "\(button)"}, url: "https://fdco.in/d/{{code}}", argument: code}

        """
    }

    func render(_ yaml: String, values: [String: String]) throws -> RenderedMessage {
        let catalog = try TemplateCatalog(directory: try Shipped.folder(["wa.yaml": yaml]), locales: Shipped.locales)
        return try catalog.render(templateID: "wa", language: "en", channel: .whatsapp, values: values)
    }

    @Test("golden registration and send JSON: named parameters with examples, the URL button's trailing parameter")
    func golden() throws {
        let message = try render(
            Self.whatsapp(body: "Hello {name}, enjoy {discount, number, ::percent} off this Diwali. Tap below to order."),
            values: ["name": "Ravi", "code": "ZX9", "discount": "25"])
        let payload = try #require(message.whatsapp)
        #expect(payload.errors.isEmpty)
        #expect(
            payload.registration.render() == """
                {
                  "name": "wa_offer",
                  "language": "en",
                  "category": "MARKETING",
                  "parameter_format": "NAMED",
                  "components": [
                    {
                      "type": "HEADER",
                      "format": "TEXT",
                      "text": "Diwali offers"
                    },
                    {
                      "type": "BODY",
                      "text": "Hello {{name}}, enjoy 25% off this Diwali. Tap below to order.",
                      "example": {
                        "body_text_named_params": [
                          {
                            "param_name": "name",
                            "example": "Ravi"
                          }
                        ]
                      }
                    },
                    {
                      "type": "FOOTER",
                      "text": "FOODCO, Bengaluru"
                    },
                    {
                      "type": "BUTTONS",
                      "buttons": [
                        {
                          "type": "URL",
                          "text": "Order now",
                          "url": "https://fdco.in/d/{{code}}",
                          "example": [
                            "https://fdco.in/d/ZX9"
                          ]
                        }
                      ]
                    }
                  ]
                }
                """)
        let send = payload.send.render()
        #expect(send.contains("\"parameter_name\": \"name\""))
        #expect(send.contains("\"sub_type\": \"url\""))
        #expect(send.contains("\"text\": \"ZX9\""))
    }

    @Test("positional parameters are numbered in order of first appearance, with examples as lists")
    func positional() throws {
        let yaml = Self.whatsapp(body: "Hello {name}, code {code} gives {discount, number, ::percent} off. Enjoy {name}!")
            .replacingOccurrences(of: "parameter_format: NAMED", with: "parameter_format: POSITIONAL")
        let payload = try #require(try render(yaml, values: ["name": "Ravi", "code": "ZX9", "discount": "25"]).whatsapp)
        let json = payload.registration.render()
        #expect(json.contains("\"text\": \"Hello {{1}}, code {{2}} gives 25% off. Enjoy {{1}}!\""))
        let compact = json.filter { !$0.isWhitespace }
        #expect(compact.contains("\"example\":{\"body_text\":[[\"Ravi\",\"ZX9\"]]}"))
    }

    @Test("Meta's rejections: a body starting or ending with a parameter, adjacent parameters, long header, footer and button")
    func rejections() throws {
        let values = ["name": "Ravi", "code": "ZX9", "discount": "25"]
        let starts = try render(Self.whatsapp(body: "{name}, enjoy {discount, number, ::percent} off today"), values: values)
        #expect(starts.whatsapp?.errors.contains { $0.contains("starts with a parameter") } == true)
        let ends = try render(Self.whatsapp(body: "Enjoy {discount, number, ::percent} off today, {name}"), values: values)
        #expect(ends.whatsapp?.errors.contains { $0.contains("ends with a parameter") } == true)
        let adjacent = try render(Self.whatsapp(body: "Hello {name} {code} enjoy {discount, number, ::percent} off"), values: values)
        #expect(adjacent.whatsapp?.errors.contains { $0.contains("are adjacent") } == true)
        let long = try render(
            Self.whatsapp(
                body: "Hello {name}, enjoy {discount, number, ::percent} off today.", header: String(repeating: "H", count: 61),
                footer: String(repeating: "F", count: 61), button: String(repeating: "B", count: 26)),
            values: values)
        let errors = long.whatsapp?.errors ?? []
        #expect(errors.contains { $0.contains("header is 61 characters") })
        #expect(errors.contains { $0.contains("footer is 61 characters") })
        #expect(errors.contains { $0.contains("is 26 characters: WhatsApp allows 25") })
    }

    @Test("every shipped SMS render matches its own DLT registration text, byte for byte, in all 23 languages")
    func scrub() throws {
        for language in "en as bn brx doi gu hi kn ks kok mai ml mni mr ne or pa sa sat sd ta te ur".split(separator: " ") {
            let message = try Shipped.catalog.render(
                templateID: "festive-offer", language: String(language), channel: .sms, values: RenderTests.offer)
            let dlt = try #require(message.dlt)
            #expect(dlt.matches(message.text), "\(language)")
            #expect(dlt.errors.isEmpty, "\(language): \(dlt.errors)")
            #expect(dlt.variables.map(\.argument) == ["name", "url"])
        }
    }

    @Test("promotional SMS only between 09:00 and 21:00")
    func window() {
        #expect(!DLTRules.allowsPromotional(hour: 8, minute: 59))
        #expect(DLTRules.allowsPromotional(hour: 9, minute: 0))
        #expect(DLTRules.allowsPromotional(hour: 20, minute: 59))
        #expect(!DLTRules.allowsPromotional(hour: 21, minute: 0))
    }

    @Test("availability says why not: a channel the template lacks")
    func unavailable() throws {
        let catalog = try TemplateCatalog(
            directory: try Shipped.folder([
                "wa.yaml": Self.whatsapp(body: "Hello {name}, enjoy {discount, number, ::percent} off. Code {code} inside.")
            ]),
            locales: Shipped.locales)
        #expect(
            try catalog.availability(templateID: "wa", language: "hi", channel: .sms)
                == .unavailable(reason: "the template has no sms message"))
        #expect(
            try catalog.availability(templateID: "wa", language: "hi", channel: .whatsapp)
                == .fallback(from: "hi", to: "en", reason: "no whatsapp text in hi"))
        // Assamese: no text, and the fallback English is what is sent.
        #expect(try catalog.availability(templateID: "wa", language: "as", channel: .whatsapp).language == "en")
    }
}
