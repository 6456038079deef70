// libFuzzer's entry point for a program with its own main (LLVM 11+, in the sanitizer runtime
// that `-sanitize=fuzzer` links). Declared here so Swift can call it with C linkage.
#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Parses libFuzzer's flags from argc/argv and runs `callback` on each input; returns the exit code.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
