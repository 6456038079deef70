// Plural rules: select a category, list the categories of a locale.
#include "CICU.h"
#include "bridge_util.h"
#include <string>
#include <unicode/upluralrules.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

struct cp_icu_plural_rules {
    UPluralRules *rules;
};

extern "C" cp_icu_plural_rules *cp_icu_plural_rules_open(const char *locale, int32_t ordinal,
                                                         int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UPluralRules *rules =
        uplrules_openForType(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, &code);
    if (U_FAILURE(code)) {
        if (rules) uplrules_close(rules);
        *status = code;
        return nullptr;
    }
    *status = U_ZERO_ERROR;
    return new cp_icu_plural_rules{rules};
}

extern "C" void cp_icu_plural_rules_close(cp_icu_plural_rules *rules) {
    if (!rules) return;
    uplrules_close(rules->rules);
    delete rules;
}

extern "C" int32_t cp_icu_plural_rules_select(const cp_icu_plural_rules *rules, double number,
                                              char *out, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UChar keyword[32];
    int32_t length = uplrules_select(rules->rules, number, keyword, 32, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    char ascii[33];
    u_UCharsToChars(keyword, ascii, length);
    ascii[length] = 0;
    return cp_bridge::extract_ascii(ascii, out, capacity, status);
}

extern "C" int32_t cp_icu_plural_rules_keywords(const cp_icu_plural_rules *rules, char *out,
                                                int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UEnumeration *keywords = uplrules_getKeywords(rules->rules, &code);
    std::string joined;
    const char *keyword;
    int32_t length;
    while (U_SUCCESS(code) && (keyword = uenum_next(keywords, &length, &code)) != nullptr) {
        if (!joined.empty()) joined += ' ';
        joined.append(keyword, static_cast<size_t>(length));
    }
    if (keywords) uenum_close(keywords);
    if (U_FAILURE(code)) {
        *status = code;
        return 0;
    }
    return cp_bridge::extract_ascii(joined.c_str(), out, capacity, status);
}
