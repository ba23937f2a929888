// SPDX-License-Identifier: Apache-2.0
#ifndef LEDE_CFUZZERDRIVER_H
#define LEDE_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own main
/// (compiler-rt/lib/fuzzer/FuzzerInterface.h). Linked from libFuzzer by
/// -sanitize=fuzzer; runs the fuzzer with `argv` and calls `callback` per input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
