// SPDX-License-Identifier: Apache-2.0
/// Builds paragraphs from marked-up text (content-API `bodyXML`, Markdown):
/// white space collapsed as a browser would, headings flagged, link spans
/// recorded in Unicode scalars of the paragraph being built.
struct ParagraphBuilder {
    private(set) var paragraphs: [String] = []
    private(set) var headings: [Int] = []
    private(set) var links: [ArticleLink] = []
    private var current = String.UnicodeScalarView()
    private var currentCount = 0
    private var pendingSpace = false
    private var currentIsHeading = false
    /// An open link: its address and where its text started (nil until its first scalar).
    private var openLink: (address: String, start: Int?)?

    /// The paragraph being built has text.
    var hasText: Bool { currentCount > 0 }

    /// Appends text; runs of white space become one space, none at a paragraph's start.
    mutating func append(_ text: some Sequence<Unicode.Scalar>) {
        for scalar in text { append(scalar) }
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isWhiteSpace {
            pendingSpace = currentCount > 0
            return
        }
        if pendingSpace {
            current.append(" ")
            currentCount += 1
            pendingSpace = false
        }
        if let link = openLink, link.start == nil { openLink = (link.address, currentCount) }
        current.append(scalar)
        currentCount += 1
    }

    /// Appends text as it is (code): no collapsing.
    mutating func appendVerbatim(_ text: String) {
        for scalar in text.unicodeScalars {
            current.append(scalar)
            currentCount += 1
        }
    }

    mutating func startHeading() {
        endParagraph()
        currentIsHeading = true
    }

    mutating func openLink(_ address: String) {
        closeLink()
        openLink = (ImportText.line(address), nil)
    }

    mutating func closeLink() {
        defer { openLink = nil }
        guard let link = openLink, let start = link.start, start < currentCount, !link.address.isEmpty else { return }
        links.append(ArticleLink(paragraph: paragraphs.count, start: start, end: currentCount, address: link.address))
    }

    /// Ends the paragraph being built (nothing if it is empty); an open link ends with it.
    mutating func endParagraph() {
        closeLink()
        defer {
            current = String.UnicodeScalarView()
            currentCount = 0
            pendingSpace = false
            currentIsHeading = false
        }
        guard currentCount > 0 else { return }
        if currentIsHeading { headings.append(paragraphs.count) }
        paragraphs.append(String(current))
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without the property tables for ASCII (most text).
    var isWhiteSpace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
