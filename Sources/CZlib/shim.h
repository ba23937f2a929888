// SPDX-License-Identifier: Apache-2.0
// zlib for Swift (Debian zlib1g-dev): gzip members of WARC archives and
// gzip-encoded responses.
#ifndef LEDE_CZLIB_SHIM_H
#define LEDE_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro that passes the library version and struct size.
static inline int lede_inflate_init2(z_streamp stream, int windowBits) { return inflateInit2(stream, windowBits); }

// deflateInit2 likewise (gzip members for tests, fuzz seeds and generated archives).
static inline int lede_deflate_init2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

#endif
