// SPDX-License-Identifier: Apache-2.0
// The target only declares LLVMFuzzerRunDriver (include/CFuzzerDriver.h);
// libFuzzer defines it. SwiftPM wants one source file per C target.
#include "CFuzzerDriver.h"
