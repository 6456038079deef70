// Status names and the ICU version.
#include "CICU.h"
#include "bridge_util.h"
#include <unicode/uversion.h>

extern "C" const char *cp_icu_error_name(int32_t status) {
    return u_errorName(static_cast<UErrorCode>(status));
}

extern "C" void cp_icu_version(char *out, int32_t capacity) {
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, text);
    int32_t status = 0;
    cp_bridge::extract_ascii(text, out, capacity, &status);
}
