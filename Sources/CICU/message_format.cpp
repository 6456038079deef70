// MessageFormat with named arguments (icu::MessageFormat) and a full argument listing
// (icu::MessagePattern), for the strict checks ICU itself does not make.
#include "CICU.h"
#include "bridge_util.h"
#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>
#include <unicode/fmtable.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/timezone.h>

struct cp_icu_message {
    std::unique_ptr<icu::MessageFormat> format;
};

// icu::MessageFormat creates the date/time formats of `{d, date, ...}` arguments (nested ones
// too) with the default time zone when the pattern is applied. We set the default zone to the
// campaign's zone for the duration of the construction, under a lock. Everything else in this
// bridge passes zones explicitly, so nothing else reads the default zone.
static std::mutex default_zone_lock;

extern "C" cp_icu_message *cp_icu_message_open(const char *locale, const uint16_t *pattern,
                                               int32_t pattern_length, const uint16_t *zone,
                                               int32_t zone_length, int32_t *parse_offset,
                                               int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parse{};
    std::unique_ptr<icu::MessageFormat> format;
    {
        std::lock_guard<std::mutex> guard(default_zone_lock);
        std::unique_ptr<icu::TimeZone> previous(icu::TimeZone::createDefault());
        icu::TimeZone *campaign = icu::TimeZone::createTimeZone(cp_bridge::text(zone, zone_length));
        if (*campaign == icu::TimeZone::getUnknown()) {
            delete campaign;
            *status = U_ILLEGAL_ARGUMENT_ERROR;
            return nullptr;
        }
        icu::TimeZone::adoptDefault(campaign);
        format.reset(new icu::MessageFormat(cp_bridge::text(pattern, pattern_length),
                                            icu::Locale(locale), parse, code));
        icu::TimeZone::adoptDefault(previous.release());
    }
    *parse_offset = parse.offset;
    if (U_FAILURE(code)) {
        *status = code;
        return nullptr;
    }
    *status = U_ZERO_ERROR;
    return new cp_icu_message{std::move(format)};
}

extern "C" void cp_icu_message_close(cp_icu_message *message) { delete message; }

extern "C" int32_t cp_icu_message_format(cp_icu_message *message,
                                         const cp_icu_message_argument *arguments, int32_t count,
                                         uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(static_cast<size_t>(count));
    values.reserve(static_cast<size_t>(count));
    for (int32_t i = 0; i < count; i++) {
        const cp_icu_message_argument &argument = arguments[i];
        names.push_back(cp_bridge::text(argument.name, argument.name_length));
        switch (argument.kind) {
        case CP_ICU_ARGUMENT_STRING:
            values.emplace_back(cp_bridge::text(argument.text, argument.text_length));
            break;
        case CP_ICU_ARGUMENT_DOUBLE:
            values.emplace_back(argument.number);
            break;
        case CP_ICU_ARGUMENT_INT64:
            values.emplace_back(static_cast<int64_t>(argument.integer));
            break;
        case CP_ICU_ARGUMENT_DATE:
            values.emplace_back(static_cast<UDate>(argument.number), icu::Formattable::kIsDate);
            break;
        case CP_ICU_ARGUMENT_DECIMAL:
            values.emplace_back(icu::StringPiece(argument.decimal, argument.decimal_length), code);
            break;
        default:
            *status = U_ILLEGAL_ARGUMENT_ERROR;
            return 0;
        }
        if (U_FAILURE(code)) {
            *status = code;
            return 0;
        }
    }
    icu::UnicodeString result;
    message->format->format(names.data(), values.data(), count, result, code);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    return cp_bridge::extract(result, out, capacity, status);
}

static const char *kind_name(UMessagePatternArgType type) {
    switch (type) {
    case UMSGPAT_ARG_TYPE_NONE: return "none";
    case UMSGPAT_ARG_TYPE_SIMPLE: return "simple";
    case UMSGPAT_ARG_TYPE_CHOICE: return "choice";
    case UMSGPAT_ARG_TYPE_PLURAL: return "plural";
    case UMSGPAT_ARG_TYPE_SELECT: return "select";
    case UMSGPAT_ARG_TYPE_SELECTORDINAL: return "selectordinal";
    }
    return "unknown";
}

// One field of the listing: backslash, tab, newline and return escaped (\\, \t, \n, \r), since a style
// or selector may hold any character and the listing is split on tabs and newlines.
static void append_field(icu::UnicodeString &listing, const icu::UnicodeString &field) {
    for (int32_t k = 0; k < field.length(); k++) {
        UChar c = field.charAt(k);
        if (c == u'\\') listing.append(u"\\\\", 2);
        else if (c == u'\t') listing.append(u"\\t", 2);
        else if (c == u'\n') listing.append(u"\\n", 2);
        else if (c == u'\r') listing.append(u"\\r", 2);
        else listing.append(c);
    }
}

extern "C" int32_t cp_icu_message_describe(const uint16_t *pattern, int32_t pattern_length,
                                           uint16_t *out, int32_t capacity,
                                           int32_t *parse_offset, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parse{};
    icu::MessagePattern parsed(cp_bridge::text(pattern, pattern_length), &parse, code);
    *parse_offset = parse.offset;
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    icu::UnicodeString listing;
    int32_t depth = 0;
    const int32_t parts = parsed.countParts();
    for (int32_t i = 0; i < parts; i++) {
        const icu::MessagePattern::Part &part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_LIMIT) {
            depth--;
            continue;
        }
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_START) continue;
        const UMessagePatternArgType argType = part.getArgType();
        const int32_t limit = parsed.getLimitPartIndex(i);
        icu::UnicodeString type, style, selectors;
        if (argType == UMSGPAT_ARG_TYPE_SIMPLE) {
            for (int32_t j = i + 2; j < limit; j++) {
                const icu::MessagePattern::Part &inner = parsed.getPart(j);
                if (inner.getType() == UMSGPAT_PART_TYPE_ARG_TYPE) type = parsed.getSubstring(inner);
                if (inner.getType() == UMSGPAT_PART_TYPE_ARG_STYLE) style = parsed.getSubstring(inner);
            }
        } else if (argType != UMSGPAT_ARG_TYPE_NONE) {
            // Direct branch keys only: skip each branch's message (nested args are listed later).
            for (int32_t j = i + 2; j < limit; j++) {
                const icu::MessagePattern::Part &inner = parsed.getPart(j);
                if (inner.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR) {
                    if (!selectors.isEmpty()) selectors.append(u' ');
                    selectors.append(parsed.getSubstring(inner));
                } else if (inner.getType() == UMSGPAT_PART_TYPE_MSG_START) {
                    j = parsed.getLimitPartIndex(j);
                }
            }
        }
        char digits[16];
        snprintf(digits, sizeof digits, "%d", depth);
        listing.append(icu::UnicodeString(digits, -1, US_INV));
        listing.append(u'\t');
        append_field(listing, parsed.getSubstring(parsed.getPart(i + 1)));
        listing.append(u'\t').append(icu::UnicodeString(kind_name(argType), -1, US_INV)).append(u'\t');
        append_field(listing, type);
        listing.append(u'\t');
        append_field(listing, style.trim());
        listing.append(u'\t');
        append_field(listing, selectors);
        listing.append(u'\n');
        depth++;
    }
    return cp_bridge::extract(listing, out, capacity, status);
}
