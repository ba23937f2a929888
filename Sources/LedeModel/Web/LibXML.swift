// SPDX-License-Identifier: Apache-2.0
import CLibXML2

/// libxml2's global state (its dictionary mutex, its random seed) is made on first use, and two
/// threads making it at once can each take a different mutex and wait forever: the parallel
/// import of web pages deadlocked so, once in a while. `xmlInitParser` must run once, before any
/// parser, as libxml2's documentation asks of threaded programs; a static `let` runs it exactly
/// once, whichever thread gets there first.
enum LibXML {
    static let ready: Void = { xmlInitParser() }()
}
