/// The YAML schema of one `templates/*.yaml` file, as decoded. ``Template`` is the checked model
/// built from it; see the README of `templates/` for the format.
struct TemplateFile: Decodable {
    let id: String
    let festival: String?
    let description: String?
    let brand: String
    let source: String
    let languages: [String: LanguageEntry]
    let fallback: [String: [String]]?
    let arguments: [String: ArgumentEntry]
    let terms: [String: [String: String]]?
    let channels: ChannelsEntry

    struct LanguageEntry: Decodable {
        let status: TranslationStatus
        let note: String?
    }

    struct ArgumentEntry: Decodable {
        let type: ArgumentType
        let bind: ArgumentBinding
        let currency: String?
        let timeZone: String?
        let values: [String]?
        let min: Double?
        let max: Double?
        let maxLength: Int?
        let example: String?
        let dltTag: DLTTag?
        let description: String?

        enum CodingKeys: String, CodingKey {
            case type, bind, currency, values, min, max, example, description
            case timeZone = "time_zone", maxLength = "max_length", dltTag = "dlt_tag"
        }
    }

    struct ChannelsEntry: Decodable {
        let sms: SMSEntry?
        let whatsapp: WhatsAppEntry?
        let email: EmailEntry?
        let push: PushEntry?
    }

    struct SMSEntry: Decodable {
        let category: SMSCategory
        let maxSegments: Int?
        let pricePerSegment: Double?
        let dlt: DLTEntry?
        let text: [String: String]

        enum CodingKeys: String, CodingKey {
            case category, dlt, text
            case maxSegments = "max_segments", pricePerSegment = "price_per_segment"
        }
    }

    struct DLTEntry: Decodable {
        let entityID: String
        let header: String
        let templates: [String: String]?

        enum CodingKeys: String, CodingKey {
            case header, templates
            case entityID = "entity_id"
        }
    }

    struct WhatsAppEntry: Decodable {
        let name: String
        let category: WhatsAppCategory
        let parameterFormat: WhatsAppParameterFormat?
        let header: [String: String]?
        let body: [String: String]
        let footer: [String: String]?
        let buttons: [ButtonEntry]?

        enum CodingKeys: String, CodingKey {
            case name, category, header, body, footer, buttons
            case parameterFormat = "parameter_format"
        }
    }

    struct ButtonEntry: Decodable {
        let type: WhatsAppButtonType
        let text: [String: String]
        let url: String?
        let argument: String?
    }

    struct EmailEntry: Decodable {
        let subject: [String: String]
        let preheader: [String: String]?
        let body: [String: String]
    }

    struct PushEntry: Decodable {
        let title: [String: String]
        let body: [String: String]
    }
}
