// Dates by skeleton (best pattern per locale) or by pattern, in an explicit time zone.
#include "CICU.h"
#include "bridge_util.h"
#include <unicode/udat.h>
#include <unicode/udatpg.h>

struct cp_icu_date_format {
    UDateFormat *format;
};

extern "C" cp_icu_date_format *cp_icu_date_format_open_pattern(const char *locale,
                                                               const uint16_t *pattern,
                                                               int32_t pattern_length,
                                                               const uint16_t *zone,
                                                               int32_t zone_length,
                                                               int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale,
                                    reinterpret_cast<const UChar *>(zone), zone_length,
                                    reinterpret_cast<const UChar *>(pattern), pattern_length,
                                    &code);
    if (U_FAILURE(code)) {
        if (format) udat_close(format);
        *status = code;
        return nullptr;
    }
    *status = U_ZERO_ERROR;
    return new cp_icu_date_format{format};
}

extern "C" cp_icu_date_format *cp_icu_date_format_open_skeleton(const char *locale,
                                                                const uint16_t *skeleton,
                                                                int32_t skeleton_length,
                                                                const uint16_t *zone,
                                                                int32_t zone_length,
                                                                int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UDateTimePatternGenerator *generator = udatpg_open(locale, &code);
    UChar pattern[256];
    int32_t length = udatpg_getBestPattern(generator, reinterpret_cast<const UChar *>(skeleton),
                                           skeleton_length, pattern, 256, &code);
    if (generator) udatpg_close(generator);
    if (U_FAILURE(code) || length >= 256) {
        *status = U_FAILURE(code) ? code : U_BUFFER_OVERFLOW_ERROR;
        return nullptr;
    }
    return cp_icu_date_format_open_pattern(locale, reinterpret_cast<const uint16_t *>(pattern),
                                           length, zone, zone_length, status);
}

extern "C" void cp_icu_date_format_close(cp_icu_date_format *format) {
    if (!format) return;
    udat_close(format->format);
    delete format;
}

extern "C" int32_t cp_icu_date_format_millis(cp_icu_date_format *format, double millis,
                                             uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = udat_format(format->format, millis, reinterpret_cast<UChar *>(out), capacity,
                                 nullptr, &code);
    if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
    *status = code;
    return length;
}

extern "C" int32_t cp_icu_date_format_pattern(const cp_icu_date_format *format, uint16_t *out,
                                              int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length =
        udat_toPattern(format->format, false, reinterpret_cast<UChar *>(out), capacity, &code);
    if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
    *status = code;
    return length;
}
