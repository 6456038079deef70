// A 64-byte classifier for the CSV scanner in PlannerIO: one bit per byte that is a comma, a
// quote, LF or CR. Header-only (static inline) so Swift inlines it; SSE2 on x86-64 (part of the
// baseline), NEON on arm64, plain C elsewhere. No ICU here: the ICU boundary is untouched.
#ifndef CCSVSCAN_H
#define CCSVSCAN_H

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__ARM_NEON)
#include <arm_neon.h>
#endif

/// Bit i is set when p[i] is ',', '"', '\n' or '\r', for i in 0..<64. p must have 64 readable bytes.
static inline uint64_t cp_csv_specials64(const uint8_t *p) {
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    uint64_t out = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
        out |= (uint64_t)(uint32_t)_mm_movemask_epi8(m) << (16 * k);
    }
    return out;
#else
    uint64_t out = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t b = p[i];
        if (b == ',' || b == '"' || b == '\n' || b == '\r') out |= (uint64_t)1 << i;
    }
    return out;
#endif
}

#endif
