// Civil dates to and from ICU's calendars (islamic variants, chinese, hebrew, persian, indian...).
#include "CICU.h"
#include "bridge_util.h"
#include <stdio.h>
#include <unicode/ucal.h>

struct cp_icu_calendar {
    UCalendar *calendar;  // the ICU calendar of the requested type
    UCalendar *gregorian; // proleptic Gregorian in the same zone
};

static UCalendar *open_gregorian(const uint16_t *zone, int32_t zone_length, UErrorCode *code) {
    UCalendar *calendar = ucal_open(reinterpret_cast<const UChar *>(zone), zone_length,
                                    "en@calendar=gregorian", UCAL_GREGORIAN, code);
    if (U_SUCCESS(*code)) ucal_setGregorianChange(calendar, -8.64e15, code); // proleptic
    return calendar;
}

extern "C" cp_icu_calendar *cp_icu_calendar_open(const char *type, const uint16_t *zone,
                                                 int32_t zone_length, int32_t *status) {
    char locale[96];
    snprintf(locale, sizeof locale, "en@calendar=%s", type);
    UErrorCode code = U_ZERO_ERROR;
    UCalendar *calendar = ucal_open(reinterpret_cast<const UChar *>(zone), zone_length, locale,
                                    UCAL_DEFAULT, &code);
    if (U_FAILURE(code)) {
        *status = code;
        return nullptr;
    }
    // ICU silently falls back to Gregorian for an unknown calendar keyword: refuse that.
    const char *actual = ucal_getType(calendar, &code);
    if (U_FAILURE(code) || actual == nullptr || strcmp(actual, type) != 0) {
        ucal_close(calendar);
        *status = U_FAILURE(code) ? code : U_UNSUPPORTED_ERROR;
        return nullptr;
    }
    UCalendar *gregorian = open_gregorian(zone, zone_length, &code);
    if (U_FAILURE(code)) {
        ucal_close(calendar);
        if (gregorian) ucal_close(gregorian);
        *status = code;
        return nullptr;
    }
    *status = U_ZERO_ERROR;
    return new cp_icu_calendar{calendar, gregorian};
}

extern "C" void cp_icu_calendar_close(cp_icu_calendar *calendar) {
    if (!calendar) return;
    ucal_close(calendar->calendar);
    ucal_close(calendar->gregorian);
    delete calendar;
}

static void set_civil_noon(UCalendar *gregorian, int32_t year, int32_t month, int32_t day) {
    ucal_clear(gregorian);
    ucal_set(gregorian, UCAL_ERA, year > 0 ? 1 : 0);
    ucal_set(gregorian, UCAL_EXTENDED_YEAR, year);
    ucal_set(gregorian, UCAL_MONTH, month - 1);
    ucal_set(gregorian, UCAL_DATE, day);
    ucal_set(gregorian, UCAL_HOUR_OF_DAY, 12);
}

extern "C" void cp_icu_calendar_fields_of_civil_date(cp_icu_calendar *calendar, int32_t year,
                                                     int32_t month, int32_t day,
                                                     cp_icu_calendar_fields *out,
                                                     int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    set_civil_noon(calendar->gregorian, year, month, day);
    UDate millis = ucal_getMillis(calendar->gregorian, &code);
    ucal_setMillis(calendar->calendar, millis, &code);
    out->era = ucal_get(calendar->calendar, UCAL_ERA, &code);
    out->year = ucal_get(calendar->calendar, UCAL_YEAR, &code);
    out->extended_year = ucal_get(calendar->calendar, UCAL_EXTENDED_YEAR, &code);
    out->month = ucal_get(calendar->calendar, UCAL_MONTH, &code);
    out->is_leap_month = ucal_get(calendar->calendar, UCAL_IS_LEAP_MONTH, &code);
    out->day = ucal_get(calendar->calendar, UCAL_DATE, &code);
    out->day_of_week = ucal_get(calendar->calendar, UCAL_DAY_OF_WEEK, &code);
    *status = code;
}

extern "C" void cp_icu_calendar_civil_date_of_fields(cp_icu_calendar *calendar,
                                                     const cp_icu_calendar_fields *fields,
                                                     int32_t use_extended_year, int32_t *year,
                                                     int32_t *month, int32_t *day,
                                                     int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCalendar *cal = calendar->calendar;
    ucal_clear(cal);
    if (use_extended_year) {
        ucal_set(cal, UCAL_EXTENDED_YEAR, fields->extended_year);
    } else {
        ucal_set(cal, UCAL_ERA, fields->era);
        ucal_set(cal, UCAL_YEAR, fields->year);
    }
    ucal_set(cal, UCAL_MONTH, fields->month);
    ucal_set(cal, UCAL_IS_LEAP_MONTH, fields->is_leap_month);
    ucal_set(cal, UCAL_DATE, fields->day);
    ucal_set(cal, UCAL_HOUR_OF_DAY, 12);
    UDate millis = ucal_getMillis(cal, &code);
    ucal_setMillis(calendar->gregorian, millis, &code);
    *year = ucal_get(calendar->gregorian, UCAL_EXTENDED_YEAR, &code);
    *month = ucal_get(calendar->gregorian, UCAL_MONTH, &code) + 1;
    *day = ucal_get(calendar->gregorian, UCAL_DATE, &code);
    *status = code;
}

extern "C" double cp_icu_civil_to_millis(const uint16_t *zone, int32_t zone_length, int32_t year,
                                         int32_t month, int32_t day, int32_t hour,
                                         int32_t minute, int32_t second, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCalendar *gregorian = open_gregorian(zone, zone_length, &code);
    if (U_FAILURE(code)) {
        if (gregorian) ucal_close(gregorian);
        *status = code;
        return 0;
    }
    set_civil_noon(gregorian, year, month, day);
    ucal_set(gregorian, UCAL_HOUR_OF_DAY, hour);
    ucal_set(gregorian, UCAL_MINUTE, minute);
    ucal_set(gregorian, UCAL_SECOND, second);
    UDate millis = ucal_getMillis(gregorian, &code);
    ucal_close(gregorian);
    *status = code;
    return millis;
}
