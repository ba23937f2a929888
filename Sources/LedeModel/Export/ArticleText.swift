// SPDX-License-Identifier: Apache-2.0
/// One article as a reader would keep it: plain text or Markdown, for `s`
/// (save) and `|` (pipe) in the browser. Paragraphs are as the reader shows
/// them, unwrapped; control characters other than tab never reach the output
/// (a pipe's output goes to the terminal).
public enum ArticleText {
    public static func plain(_ article: Article) -> String {
        var parts = [clean(article.title), byline(article)].filter { !$0.isEmpty }
        parts += article.paragraphs.map(clean)
        return parts.joined(separator: "\n\n") + "\n"
    }

    public static func markdown(_ article: Article) -> String {
        var parts = ["# " + escaped(clean(article.title))]
        let byline = byline(article)
        if !byline.isEmpty { parts.append("*" + escaped(byline) + "*") }
        parts += article.paragraphs.map { escaped(clean($0)) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Markdown for a file name's extension (`.md`, `.markdown`), else plain text.
    public static func forPath(_ path: String, _ article: Article) -> String {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? markdown(article) : plain(article)
    }

    static func byline(_ article: Article) -> String {
        var parts: [String] = []
        if !article.authors.isEmpty { parts.append(article.authors.map(clean).joined(separator: " and ")) }
        if let published = article.published { parts.append(published.description) }
        return parts.joined(separator: " · ")
    }

    /// Without the scalars the project's one rule keeps from terminals (C0, DEL, C1, bidirectional
    /// controls): dropped, not pictured, since a saved or piped article is text, not a screen. Tabs stay.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\t" || !ControlCharacters.needsReplacing($0) }))
    }

    /// Text for the clipboard (`y`): as saved text, with line breaks kept. The OSC 52 payload and a
    /// clipboard command's input are pasted into shells, where ESC, C1 and bidi controls could end a
    /// bracketed paste or hide what runs (paste-jacking); none of them survives, in any form.
    public static func copyable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\t" || $0 == "\n" || !ControlCharacters.needsReplacing($0) }))
    }

    /// Characters that would start Markdown syntax at a line's start or inside it, escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for (index, character) in text.enumerated() {
            if "\\`*_[]<>".contains(character) || (index == 0 && "#>-+|".contains(character)) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
