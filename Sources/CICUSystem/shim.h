// Linking shim for the system ICU. Only the CICU bridge's C/C++ files include ICU headers;
// no Swift module imports CICUSystem (a CI check guards this).
#include <unicode/uversion.h>
