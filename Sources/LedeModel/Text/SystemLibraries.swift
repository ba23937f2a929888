// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import CZlib

/// The C libraries lede reads web pages and archives with, and their versions.
public enum SystemLibraries {
    /// libxml2's version as compiled against (`2.9.14`).
    public static let libxml2Version = LIBXML_DOTTED_VERSION
    /// zlib's version as the library reports it (`1.2.13`).
    public static var zlibVersion: String { String(cString: CZlib.zlibVersion()) }
}
