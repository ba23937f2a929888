// zlib for Swift (Debian zlib1g-dev): gzip members of WARC archives and
// gzip-encoded responses.
#ifndef LEDE_CZLIB_SHIM_H
#define LEDE_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro that passes the library version and struct size.
static inline int lede_inflate_init2(z_streamp stream, int windowBits) { return inflateInit2(stream, windowBits); }

#endif
