// Graphemes, bidi direction, locale display names, actual locale and numbering system.
#include "CICU.h"
#include "bridge_util.h"
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/unumsys.h>
#include <unicode/ures.h>
#include <unicode/timezone.h>
#include <memory>

namespace {
// One character break iterator per thread, given each text with ubrk_setText: opening one per
// call (loading its rules) cost more than the breaking itself. Closed when the thread ends.
struct ThreadCharacterBreaks {
    UBreakIterator *iterator = nullptr;
    ~ThreadCharacterBreaks() {
        if (iterator) ubrk_close(iterator);
    }
};
thread_local ThreadCharacterBreaks threadCharacterBreaks;

/// This thread's character break iterator over `text` (opened on first use), or nullptr with
/// `*status` set when ICU cannot open it or take the text.
UBreakIterator *characterBreaks(const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *&iterator = threadCharacterBreaks.iterator;
    if (!iterator) {
        iterator = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &code);
        if (U_FAILURE(code)) {
            if (iterator) ubrk_close(iterator);
            iterator = nullptr;
            *status = code;
            return nullptr;
        }
    }
    ubrk_setText(iterator, reinterpret_cast<const UChar *>(text), length, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return nullptr;
    }
    return iterator;
}
}  // namespace

extern "C" int32_t cp_icu_grapheme_boundaries(const uint16_t *text, int32_t length, int32_t *out,
                                              int32_t capacity, int32_t *status) {
    UBreakIterator *iterator = characterBreaks(text, length, status);
    if (!iterator) return 0;
    int32_t count = 0;
    for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE;
         boundary = ubrk_next(iterator)) {
        if (out && count < capacity) out[count] = boundary;
        count++;
    }
    *status = (out && count > capacity) ? U_BUFFER_OVERFLOW_ERROR : U_ZERO_ERROR;
    return count;
}

extern "C" int32_t cp_icu_grapheme_boundaries_at(const uint16_t *text, int32_t length,
                                                 const int32_t *offsets, int32_t count,
                                                 int32_t *status) {
    UBreakIterator *iterator = characterBreaks(text, length, status);
    if (!iterator) return 0;
    *status = U_ZERO_ERROR;
    for (int32_t i = 0; i < count; i++) {
        if (!ubrk_isBoundary(iterator, offsets[i])) return 0;
    }
    return 1;
}

extern "C" int32_t cp_icu_grapheme_count(const uint16_t *text, int32_t length, int32_t *status) {
    int32_t boundaries = cp_icu_grapheme_boundaries(text, length, nullptr, 0, status);
    return boundaries > 0 ? boundaries - 1 : 0;
}

extern "C" int32_t cp_icu_bidi_base_direction(const uint16_t *text, int32_t length) {
    return ubidi_getBaseDirection(reinterpret_cast<const UChar *>(text), length);
}

extern "C" int32_t cp_icu_bidi_paragraph_level(const uint16_t *text, int32_t length,
                                               int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(length, 0, &code);
    if (U_FAILURE(code)) {
        if (bidi) ubidi_close(bidi);
        *status = code;
        return 0;
    }
    ubidi_setPara(bidi, reinterpret_cast<const UChar *>(text), length, UBIDI_DEFAULT_LTR, nullptr,
                  &code);
    int32_t level = U_SUCCESS(code) ? ubidi_getParaLevel(bidi) : 0;
    ubidi_close(bidi);
    *status = code;
    return level;
}

extern "C" int32_t cp_icu_locale_display_name(const char *locale, const char *display_locale,
                                              uint16_t *out, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayName(locale, display_locale, reinterpret_cast<UChar *>(out),
                                         capacity, &code);
    if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
    *status = code;
    return length;
}

extern "C" int32_t cp_icu_actual_locale(const char *locale, char *out, int32_t capacity,
                                        int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(nullptr, locale, &code);
    if (U_FAILURE(code)) {
        if (bundle) ures_close(bundle);
        *status = code;
        return 0;
    }
    const char *actual = ures_getLocaleByType(bundle, ULOC_ACTUAL_LOCALE, &code);
    int32_t length = 0;
    if (U_SUCCESS(code) && actual) {
        length = cp_bridge::extract_ascii(actual[0] ? actual : "root", out, capacity, status);
    } else {
        *status = U_FAILURE(code) ? code : U_MISSING_RESOURCE_ERROR;
    }
    ures_close(bundle);
    return length;
}

extern "C" int32_t cp_icu_default_numbering_system(const char *locale, char *out,
                                                   int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UNumberingSystem *system = unumsys_open(locale, &code);
    if (U_FAILURE(code)) {
        if (system) unumsys_close(system);
        *status = code;
        return 0;
    }
    int32_t length = cp_bridge::extract_ascii(unumsys_getName(system), out, capacity, status);
    unumsys_close(system);
    return length;
}

extern "C" int32_t cp_icu_time_zone_is_known(const uint16_t *zone, int32_t zone_length) {
    std::unique_ptr<icu::TimeZone> timeZone(
        icu::TimeZone::createTimeZone(cp_bridge::text(zone, zone_length)));
    return *timeZone == icu::TimeZone::getUnknown() ? 0 : 1;
}
