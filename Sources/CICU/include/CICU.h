// CICU: campaign-planner's bridge to the system ICU.
//
// This header includes only <stdint.h>: no ICU type crosses it, so Swift never sees ICU's headers
// (Foundation on Linux bundles its own ICU headers, and a Swift module that sees both fails on a
// clean build) and never needs ICU's version-suffixed symbol names. ICU itself is included only in
// this target's .cpp files, where its renaming macros apply, so the source builds against any ICU.
//
// Conventions:
// - `status` is ICU's UErrorCode value: 0 or negative is success (ICU reports some successes as
//   warnings, e.g. U_USING_DEFAULT_WARNING), positive is failure. `cp_icu_error_name` names it.
// - Text is UTF-16 (`uint16_t *` with a length in code units); locale ids and ASCII keywords are
//   NUL-terminated `char *`.
// - Functions that write text return the full length needed; when it exceeds `capacity` the status
//   is U_BUFFER_OVERFLOW_ERROR (15) and the caller retries with a larger buffer.
// - Handles are opaque; each `*_open` has a `*_close`.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for a status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *cp_icu_error_name(int32_t status);
/// The ICU version this process runs, e.g. "72.1".
void cp_icu_version(char *out, int32_t capacity);

// MARK: - Calendars

typedef struct cp_icu_calendar cp_icu_calendar;

/// Fields of a date in an ICU calendar. `month` is ICU's 0-based month.
typedef struct cp_icu_calendar_fields {
    int32_t era;
    int32_t year;
    int32_t extended_year;
    int32_t month;
    int32_t is_leap_month;
    int32_t day;
    int32_t day_of_week; // 1 = Sunday ... 7 = Saturday (read only)
} cp_icu_calendar_fields;

/// Opens a calendar of ICU type `type` ("gregorian", "islamic-umalqura", "chinese", "hebrew", ...)
/// in the time zone `zone` (an Olson id), paired with a proleptic Gregorian calendar in that zone.
cp_icu_calendar *cp_icu_calendar_open(const char *type, const uint16_t *zone, int32_t zone_length,
                                      int32_t *status);
void cp_icu_calendar_close(cp_icu_calendar *calendar);
/// The calendar's fields of the civil (proleptic Gregorian) day year-month-day (month 1-12),
/// taken at local noon.
void cp_icu_calendar_fields_of_civil_date(cp_icu_calendar *calendar, int32_t year, int32_t month,
                                          int32_t day, cp_icu_calendar_fields *out,
                                          int32_t *status);
/// The civil day (month 1-12) of the calendar's fields. With `use_extended_year` the extended year
/// is used, otherwise era and year. ICU normalises impossible fields (a leap month that does not
/// exist, day 30 of a 29-day month) silently: callers read the fields back to check.
void cp_icu_calendar_civil_date_of_fields(cp_icu_calendar *calendar,
                                          const cp_icu_calendar_fields *fields,
                                          int32_t use_extended_year, int32_t *year,
                                          int32_t *month, int32_t *day, int32_t *status);
/// Milliseconds since 1970 UTC of a local wall time in `zone` (month 1-12).
double cp_icu_civil_to_millis(const uint16_t *zone, int32_t zone_length, int32_t year,
                              int32_t month, int32_t day, int32_t hour, int32_t minute,
                              int32_t second, int32_t *status);

// MARK: - Numbers

typedef struct cp_icu_number_format cp_icu_number_format;

/// A number formatter from an ICU number skeleton ("currency/INR precision-currency-standard").
cp_icu_number_format *cp_icu_number_format_open_skeleton(const char *locale,
                                                         const uint16_t *skeleton,
                                                         int32_t skeleton_length,
                                                         int32_t *status);
/// A number formatter from a decimal pattern ("¤#,##,##0.00"); `currency` (3 UTF-16 units) or NULL.
cp_icu_number_format *cp_icu_number_format_open_pattern(const char *locale,
                                                        const uint16_t *pattern,
                                                        int32_t pattern_length,
                                                        const uint16_t *currency, int32_t *status);
void cp_icu_number_format_close(cp_icu_number_format *format);
/// Formats a decimal number given as ASCII text ("12345678.50"), exactly (no binary rounding).
int32_t cp_icu_number_format_decimal(const cp_icu_number_format *format, const char *decimal,
                                     int32_t decimal_length, uint16_t *out, int32_t capacity,
                                     int32_t *status);
/// The locale whose data the formatter actually uses ("root" when ICU fell back to root data).
int32_t cp_icu_number_format_actual_locale(const cp_icu_number_format *format, char *out,
                                           int32_t capacity, int32_t *status);

// MARK: - Dates

typedef struct cp_icu_date_format cp_icu_date_format;

/// A date formatter from a skeleton ("yMMMMd"), resolved to the locale's best pattern, in `zone`.
cp_icu_date_format *cp_icu_date_format_open_skeleton(const char *locale, const uint16_t *skeleton,
                                                     int32_t skeleton_length,
                                                     const uint16_t *zone, int32_t zone_length,
                                                     int32_t *status);
/// A date formatter from an explicit pattern ("d MMMM y"), in `zone`.
cp_icu_date_format *cp_icu_date_format_open_pattern(const char *locale, const uint16_t *pattern,
                                                    int32_t pattern_length, const uint16_t *zone,
                                                    int32_t zone_length, int32_t *status);
void cp_icu_date_format_close(cp_icu_date_format *format);
/// Formats a moment (ms since 1970 UTC). Not thread-safe on one handle: callers serialise.
int32_t cp_icu_date_format_millis(cp_icu_date_format *format, double millis, uint16_t *out,
                                  int32_t capacity, int32_t *status);
/// The pattern the formatter uses (for a skeleton: the locale's best pattern).
int32_t cp_icu_date_format_pattern(const cp_icu_date_format *format, uint16_t *out,
                                   int32_t capacity, int32_t *status);

// MARK: - Plural rules

typedef struct cp_icu_plural_rules cp_icu_plural_rules;

/// Cardinal (`ordinal` = 0) or ordinal (`ordinal` = 1) plural rules of a locale.
cp_icu_plural_rules *cp_icu_plural_rules_open(const char *locale, int32_t ordinal,
                                              int32_t *status);
void cp_icu_plural_rules_close(cp_icu_plural_rules *rules);
/// The category ("one", "few", "other", ...) of a number, as ASCII.
int32_t cp_icu_plural_rules_select(const cp_icu_plural_rules *rules, double number, char *out,
                                   int32_t capacity, int32_t *status);
/// The categories the rules can produce, ASCII, separated by single spaces, in ICU's order.
int32_t cp_icu_plural_rules_keywords(const cp_icu_plural_rules *rules, char *out,
                                     int32_t capacity, int32_t *status);

// MARK: - MessageFormat with named arguments (icu::MessageFormat, C++)

typedef struct cp_icu_message cp_icu_message;

enum {
    CP_ICU_ARGUMENT_STRING = 0,
    CP_ICU_ARGUMENT_DOUBLE = 1,
    CP_ICU_ARGUMENT_INT64 = 2,
    CP_ICU_ARGUMENT_DATE = 3,    // `number` holds ms since 1970 UTC
    CP_ICU_ARGUMENT_DECIMAL = 4, // `decimal` holds ASCII decimal text
};

/// One named argument value for `cp_icu_message_format`.
typedef struct cp_icu_message_argument {
    const uint16_t *name;
    int32_t name_length;
    int32_t kind;
    const uint16_t *text;
    int32_t text_length;
    double number;
    int64_t integer;
    const char *decimal;
    int32_t decimal_length;
} cp_icu_message_argument;

/// Parses a MessageFormat pattern for `locale`; date/time arguments format in `zone`.
/// On a syntax error `*parse_offset` is the UTF-16 offset where parsing failed.
cp_icu_message *cp_icu_message_open(const char *locale, const uint16_t *pattern,
                                    int32_t pattern_length, const uint16_t *zone,
                                    int32_t zone_length, int32_t *parse_offset, int32_t *status);
void cp_icu_message_close(cp_icu_message *message);
/// Formats with named arguments. ICU does not check that every argument was given: callers do.
int32_t cp_icu_message_format(cp_icu_message *message, const cp_icu_message_argument *arguments,
                              int32_t count, uint16_t *out, int32_t capacity, int32_t *status);
/// Lists every argument of a pattern, nested ones inside plural/select branches too, one line
/// each: `depth TAB name TAB kind TAB type TAB style TAB selectors LF`, where kind is one of
/// none, simple, choice, plural, select, selectordinal; type and style are the simple argument's
/// (e.g. "number", "::currency/INR"); selectors are the branch keys separated by spaces. Within a
/// field, backslash, tab and newline are written as \\, \t and \n; depth is a decimal number.
int32_t cp_icu_message_describe(const uint16_t *pattern, int32_t pattern_length, uint16_t *out,
                                int32_t capacity, int32_t *parse_offset, int32_t *status);

// MARK: - Text and locales

/// Whether every one of the `count` UTF-16 `offsets` is a grapheme cluster boundary of `text`.
int32_t cp_icu_grapheme_boundaries_at(const uint16_t *text, int32_t length, const int32_t *offsets,
                                      int32_t count, int32_t *status);
/// The number of user-perceived characters (extended grapheme clusters).
int32_t cp_icu_grapheme_count(const uint16_t *text, int32_t length, int32_t *status);
/// Writes the UTF-16 offsets of grapheme cluster boundaries (0 and `length` included).
int32_t cp_icu_grapheme_boundaries(const uint16_t *text, int32_t length, int32_t *out,
                                   int32_t capacity, int32_t *status);
/// The paragraph direction of text by its first strong character: 0 LTR, 1 RTL, 3 neutral.
int32_t cp_icu_bidi_base_direction(const uint16_t *text, int32_t length);
/// The paragraph embedding level ICU's bidi algorithm resolves for `text` (`ubidi_setPara` with
/// UBIDI_DEFAULT_LTR, then `ubidi_getParaLevel`): 0 LTR, 1 RTL. Unlike the base direction it
/// honours isolates (FSI ... PDI) and marks (RLM).
int32_t cp_icu_bidi_paragraph_level(const uint16_t *text, int32_t length, int32_t *status);
/// The display name of `locale` in `display_locale`.
int32_t cp_icu_locale_display_name(const char *locale, const char *display_locale, uint16_t *out,
                                   int32_t capacity, int32_t *status);
/// The locale whose resource data ICU actually loads for `locale` ("root" on a full fall back).
int32_t cp_icu_actual_locale(const char *locale, char *out, int32_t capacity, int32_t *status);
/// 1 when ICU knows the time zone id (ICU silently uses "Etc/Unknown" = GMT otherwise), else 0.
int32_t cp_icu_time_zone_is_known(const uint16_t *zone, int32_t zone_length);
/// The default numbering system of a locale ("latn", "beng", ...).
int32_t cp_icu_default_numbering_system(const char *locale, char *out, int32_t capacity,
                                        int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
