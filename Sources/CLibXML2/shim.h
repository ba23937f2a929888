// SPDX-License-Identifier: Apache-2.0
// libxml2's HTML and XML parsers for Swift (Debian libxml2-dev). The HTML
// parser copes with broken markup and finds the page's charset; the XML
// parser reads feeds.
#ifndef LEDE_CLIBXML2_SHIM_H
#define LEDE_CLIBXML2_SHIM_H

#include <string.h>
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU
// inside Foundation ('UErrorCode' has different definitions). lede uses no
// ICU converter through libxml2, so its headers are left out; the structs
// that end with them are only ever used through pointers.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared
// mutable state: call it through a function.
static inline void lede_xml_free(void *pointer) { xmlFree(pointer); }

#endif
