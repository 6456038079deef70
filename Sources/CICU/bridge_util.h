// Internal helpers shared by the bridge's .cpp files. Not part of the public header.
#ifndef CICU_BRIDGE_UTIL_H
#define CICU_BRIDGE_UTIL_H

#include <string.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

namespace cp_bridge {

/// Copies a UnicodeString into a caller's buffer and returns the full length (ICU convention).
inline int32_t extract(const icu::UnicodeString &text, uint16_t *out, int32_t capacity,
                       int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = text.extract(reinterpret_cast<UChar *>(out), capacity, code);
    if (code == U_STRING_NOT_TERMINATED_WARNING) code = U_ZERO_ERROR;
    *status = code;
    return length;
}

/// Copies a NUL-terminated ASCII string into a caller's buffer; returns its length.
inline int32_t extract_ascii(const char *text, char *out, int32_t capacity, int32_t *status) {
    int32_t length = static_cast<int32_t>(strlen(text));
    if (length >= capacity) {
        *status = U_BUFFER_OVERFLOW_ERROR;
        return length;
    }
    memcpy(out, text, static_cast<size_t>(length) + 1);
    *status = U_ZERO_ERROR;
    return length;
}

inline icu::UnicodeString text(const uint16_t *chars, int32_t length) {
    return icu::UnicodeString(reinterpret_cast<const UChar *>(chars), length);
}

} // namespace cp_bridge

#endif
