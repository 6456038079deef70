import Locales

/// A campaign message template: its arguments, and per channel and per language an ICU
/// MessageFormat message, loaded from `templates/<id>.yaml` and checked on load.
public struct Template: Sendable {
    /// The template id, equal to the file name stem (`festive-offer` for `templates/festive-offer.yaml`).
    public let id: String
    /// The festival id in `calendars/` it is for (`diwali`), or nil for an evergreen message.
    public let festival: String?
    /// The file's free-text `description` for people reading the catalog, if given.
    public let description: String?
    /// The brand name: DLT requires it in every registered SMS text.
    public let brand: String
    /// The language the others were translated from.
    public let source: String
    /// Every language the template has text for, with its translation status, sorted by code.
    public let languages: [TemplateLanguage]
    /// Text fallback chains that override `locales/` for this template (language → chain).
    public let fallback: [String: [String]]
    /// The declared arguments, sorted by name.
    public let arguments: [ArgumentSpec]
    /// Per-language values of `term` arguments (festival names in native script, opt-out lines).
    public let terms: [String: [String: String]]
    /// The messages, one field per channel part (`sms.text`, `email.subject`, ...).
    public let fields: [MessageField]
    /// The SMS settings (category, segment budget, DLT registration), or nil when the file has no `sms` channel.
    public let sms: SMSSettings?
    /// The WhatsApp Business settings (template name, category, buttons), or nil when the file has no `whatsapp` channel.
    public let whatsapp: WhatsAppSettings?
    /// The file it was loaded from.
    public let path: String

    /// The argument with this name.
    public func argument(_ name: String) -> ArgumentSpec? { arguments.first { $0.name == name } }

    /// The fields of a channel, in their fixed order.
    public func fields(of channel: Channel) -> [MessageField] { fields.filter { $0.channel == channel } }

    /// The channels the template has messages for.
    public var channels: [Channel] { Channel.allCases.filter { !fields(of: $0).isEmpty } }

    /// Whether the template has every required field of `channel` in `language`.
    public func hasText(language: String, channel: Channel) -> Bool {
        let required = fields(of: channel).filter(\.required)
        return !required.isEmpty && required.allSatisfy { $0.messages[language] != nil }
    }
}

/// A language a template is written in, and whether a person has reviewed the translation.
public struct TemplateLanguage: Hashable, Sendable {
    /// The language code as written in the file (`hi`, `ta`), a key of each field's `messages`.
    public let code: String
    /// Whether this translation is a machine draft or has been reviewed.
    public let status: TranslationStatus
    /// The translator's free-text note for this language, if any.
    public let note: String?
}

/// Whether a translation is a machine draft or reviewed by a fluent reader.
public enum TranslationStatus: String, Codable, Sendable {
    /// `draft`: not yet checked by a person; `reviewed`: checked by a fluent reader.
    case draft, reviewed
}

/// One part of a channel's message (`sms.text`, `whatsapp.body`, `email.subject`, ...) in every
/// language, with where each message is in the file.
public struct MessageField: Sendable {
    /// The channel this part belongs to.
    public let channel: Channel
    /// `text`, `header`, `body`, `footer`, `button1`, `subject`, `preheader`, `title`.
    public let part: String
    /// Whether the channel cannot be sent without it.
    public let required: Bool
    /// Per language code: the ICU MessageFormat pattern and its location.
    public let messages: [String: SourceText]

    /// `sms.text`, `email.subject`.
    public var name: String { "\(channel.rawValue).\(part)" }
}

/// A message as written in the file, with its line and column (1-based) for diagnostics.
public struct SourceText: Hashable, Sendable {
    /// The ICU MessageFormat pattern exactly as written in the file.
    public let pattern: String
    /// 1-based line of the pattern in the YAML file, or nil when the loader could not locate it.
    public let line: Int?
    /// 1-based column of the pattern in the YAML file, or nil when the loader could not locate it.
    public let column: Int?
    /// The YAML key path, e.g. `channels.sms.text.hi`.
    public let field: String
}

/// What kind of value an argument holds, which decides how it is parsed, formatted and checked.
public enum ArgumentType: String, Codable, Sendable, CaseIterable {
    /// Free text (a name): `{name}`.
    case string
    /// A count or quantity: `{n, plural, ...}`, `{n, number}`.
    case number
    /// An amount of money in `currency`, formatted by our number policy before it reaches ICU and
    /// written as a plain `{price}` in messages.
    case money
    /// Percent points (20 means 20 %): `{discount, number, ::percent}`.
    case percent
    /// A civil day, `2026-11-08`, shown in the campaign's time zone: `{deadline, date, ::dMMMM}`.
    case date
    /// A local date and time, `2026-11-08T21:00`, in the argument's time zone: `{start, time, ::jmm}`.
    case datetime
    /// One of `values`: `{diet, select, veg {...} other {...}}`.
    case `enum`
    /// A link: `{url}`.
    case url
    /// A per-language literal from the template's `terms` (festival name, opt-out line): `{festival_name}`.
    case term
}

/// Whether a value is the same for the whole campaign or differs per recipient.
public enum ArgumentBinding: String, Codable, Sendable {
    /// Fixed for the campaign: baked into DLT and WhatsApp registrations.
    case campaign
    /// Varies per recipient: a tagged variable in DLT, a parameter in WhatsApp.
    case recipient
}

/// DLT variable tags (TRAI direction of 12 May 2023, tagging mandatory from 2026).
public enum DLTTag: String, Codable, Sendable {
    /// The DLT tags: generic `var`, `numeric`, `alphanumeric`, `url`, `urlott` (OTT link), `cbn` (call-back number), `email`.
    case `var`, numeric, alphanumeric, url, urlott, cbn, email

    /// The tag as written in the registered text: `{#url#}`.
    public var placeholder: String { "{#\(rawValue)#}" }
}

/// A declared argument.
public struct ArgumentSpec: Hashable, Sendable {
    /// The argument's name as used in the message patterns (`{name}`), a key of the template's `arguments`.
    public let name: String
    /// What kind of value it holds: decides parsing, formatting and checks.
    public let type: ArgumentType
    /// Whether the value is fixed for the campaign or varies per recipient (the file's `bind`).
    public let binding: ArgumentBinding
    /// ISO 4217 code for `money`.
    public let currency: String?
    /// Olson zone for `date` and `datetime` (default: the country's).
    public let timeZone: String?
    /// Allowed values for `enum`.
    public let values: [String]
    /// Smallest allowed value for numeric types (`number`, `percent`, `money`); nil means 0 for worst-case checks.
    public let min: Double?
    /// Largest allowed value for numeric types; nil falls back to a per-type worst case (999, 99, 9,999,999).
    public let max: Double?
    /// Longest value in graphemes, for `string` and `url` (worst-case checks, DLT's 30).
    public let maxLength: Int?
    /// A typical value: WhatsApp examples, `render --examples`.
    public let example: String?
    /// The DLT tag a recipient value is registered with (default by type).
    public let dltTag: DLTTag
    /// The file's free-text description of the argument, if given.
    public let description: String?
}

/// SMS channel settings.
public struct SMSSettings: Hashable, Sendable {
    /// The TRAI category the SMS is sent under.
    public let category: SMSCategory
    /// The most segments a worst-case render may take (a budget guard), if set.
    public let maxSegments: Int?
    /// Default price per segment in the country's currency, if set.
    public let pricePerSegment: Double?
    /// The India DLT registration (entity, header, template ids), or nil when the file gives none.
    public let dlt: DLTRegistration?
}

/// TRAI commercial communication categories.
public enum SMSCategory: String, Codable, Sendable {
    /// TRAI categories: `promotional` (marketing, DND-filtered), `service`, `transactional`, `government`.
    case promotional, service, transactional, government
}

/// India DLT: the principal entity, the header and a content template id per language.
public struct DLTRegistration: Hashable, Sendable {
    /// The principal entity id (PE ID) the brand registered on the DLT platform.
    public let entityID: String
    /// The registered sender header (sender id) the SMS goes out from.
    public let header: String
    /// The DLT content template id per language code; empty when none are registered yet.
    public let templates: [String: String]
}

/// WhatsApp Business settings.
public struct WhatsAppSettings: Hashable, Sendable {
    /// Template name: lowercase letters, digits and underscores.
    public let name: String
    /// The WhatsApp template category it is submitted under.
    public let category: WhatsAppCategory
    /// Whether parameters are named or positional; `named` when the file does not say.
    public let parameterFormat: WhatsAppParameterFormat
    /// The template's buttons, in file order.
    public let buttons: [WhatsAppButton]
}

/// WhatsApp Business template categories, which decide Meta's review and per-message price.
public enum WhatsAppCategory: String, Codable, Sendable {
    /// Meta's categories, with their API spellings as raw values: offers, account updates, one-time codes.
    case marketing = "MARKETING", utility = "UTILITY", authentication = "AUTHENTICATION"
}

/// Named (`{{first_name}}`) or positional (`{{1}}`) parameters.
public enum WhatsAppParameterFormat: String, Codable, Sendable {
    /// `{{first_name}}`-style named parameters, or `{{1}}`-style positional ones.
    case named = "NAMED", positional = "POSITIONAL"
}

/// The kind of a WhatsApp button, with Meta's API spelling as raw value.
public enum WhatsAppButtonType: String, Codable, Sendable {
    /// A call-to-action button opening a URL, or a quick-reply button sending its label back.
    case url = "URL", quickReply = "QUICK_REPLY"
}

/// A button: its label is a message field (`whatsapp.button1`); a URL button may end in one
/// recipient argument.
public struct WhatsAppButton: Hashable, Sendable {
    /// Whether it is a URL or a quick-reply button.
    public let type: WhatsAppButtonType
    /// For URL buttons: the URL, with `{{argument}}` at the end when it varies.
    public let url: String?
    /// The argument filling the URL's trailing parameter.
    public let argument: String?
}
