// SPDX-License-Identifier: Apache-2.0
import Foundation

extension Article {
    /// The article's page on the web, when the file says where it came from.
    /// Scraped pages carry the publisher's content id, and the publisher
    /// serves each article at `/content/<id>`; an id that is not a UUID (a
    /// hand-made file, a crafted one) gives no address rather than a guess.
    public var pageAddress: String? {
        guard let contentID else { return nil }
        // Formats that give the page's address (JSON Lines `url`) keep it here.
        if contentID.hasPrefix("https://") || contentID.hasPrefix("http://") { return contentID }
        guard UUID(uuidString: contentID) != nil else { return nil }
        return "https://www.ft.com/content/" + contentID.lowercased()
    }
}

/// Addresses lede hands to a browser: only http and https, only printable
/// ASCII (a percent-encoded address has no other bytes), never one that a
/// program could take for an option.
public enum WebAddress {
    public static func isOpenable(_ address: String) -> Bool {
        guard address.count <= 2048 else { return false }
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7f }
    }
}
