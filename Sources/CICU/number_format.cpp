// Numbers, currency and percent by skeleton (unumf) or by pattern (unum, for lakh grouping).
#include "CICU.h"
#include "bridge_util.h"
#include <unicode/unum.h>
#include <unicode/unumberformatter.h>

struct cp_icu_number_format {
    UNumberFormatter *skeleton; // set for skeleton formatters
    UNumberFormat *pattern;     // set for pattern formatters
    char locale[ULOC_FULLNAME_CAPACITY];
};

extern "C" cp_icu_number_format *cp_icu_number_format_open_skeleton(const char *locale,
                                                                    const uint16_t *skeleton,
                                                                    int32_t skeleton_length,
                                                                    int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parse;
    UNumberFormatter *formatter = unumf_openForSkeletonAndLocaleWithError(
        reinterpret_cast<const UChar *>(skeleton), skeleton_length, locale, &parse, &code);
    if (U_FAILURE(code)) {
        if (formatter) unumf_close(formatter);
        *status = code;
        return nullptr;
    }
    auto *result = new cp_icu_number_format{formatter, nullptr, {0}};
    strncpy(result->locale, locale, sizeof result->locale - 1);
    *status = U_ZERO_ERROR;
    return result;
}

extern "C" cp_icu_number_format *cp_icu_number_format_open_pattern(const char *locale,
                                                                   const uint16_t *pattern,
                                                                   int32_t pattern_length,
                                                                   const uint16_t *currency,
                                                                   int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parse;
    UNumberFormat *format = unum_open(UNUM_PATTERN_DECIMAL,
                                      reinterpret_cast<const UChar *>(pattern), pattern_length,
                                      locale, &parse, &code);
    if (U_SUCCESS(code) && currency) {
        // ICU reads a currency pattern without a decimal point as "the currency's default
        // fraction digits" (2 for INR). We mean what the pattern says: "¤#,##,##0" is whole rupees.
        bool has_decimal = false;
        for (int32_t i = 0; i < pattern_length; i++) has_decimal |= pattern[i] == u'.';
        unum_setTextAttribute(format, UNUM_CURRENCY_CODE,
                              reinterpret_cast<const UChar *>(currency), 3, &code);
        if (!has_decimal) {
            unum_setAttribute(format, UNUM_MIN_FRACTION_DIGITS, 0);
            unum_setAttribute(format, UNUM_MAX_FRACTION_DIGITS, 0);
        }
    }
    if (U_FAILURE(code)) {
        if (format) unum_close(format);
        *status = code;
        return nullptr;
    }
    auto *result = new cp_icu_number_format{nullptr, format, {0}};
    strncpy(result->locale, locale, sizeof result->locale - 1);
    *status = U_ZERO_ERROR;
    return result;
}

extern "C" void cp_icu_number_format_close(cp_icu_number_format *format) {
    if (!format) return;
    if (format->skeleton) unumf_close(format->skeleton);
    if (format->pattern) unum_close(format->pattern);
    delete format;
}

extern "C" int32_t cp_icu_number_format_decimal(const cp_icu_number_format *format,
                                                const char *decimal, int32_t decimal_length,
                                                uint16_t *out, int32_t capacity,
                                                int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = 0;
    if (format->skeleton) {
        UFormattedNumber *result = unumf_openResult(&code);
        unumf_formatDecimal(format->skeleton, decimal, decimal_length, result, &code);
        length = unumf_resultToString(result, reinterpret_cast<UChar *>(out), capacity, &code);
        unumf_closeResult(result);
    } else {
        length = unum_formatDecimal(format->pattern, decimal, decimal_length,
                                    reinterpret_cast<UChar *>(out), capacity, nullptr, &code);
    }
    if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
    *status = code;
    return length;
}

extern "C" int32_t cp_icu_number_format_actual_locale(const cp_icu_number_format *format,
                                                      char *out, int32_t capacity,
                                                      int32_t *status) {
    // unum_getLocaleByType answers "root" for pattern-made formatters even when the locale's
    // symbols are used, so ask the resource bundle the formatter's symbols come from.
    return cp_icu_actual_locale(format->locale, out, capacity, status);
}
