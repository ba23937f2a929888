// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// What lede remembers between sessions, by file path (ids belong to one
/// store and mean nothing next time): the article last on screen, where the
/// reader was in each article, which articles were opened, the theme.
/// LedeConfig reads and writes it under `$XDG_STATE_HOME/lede/`.
public struct SessionRecord: Codable, Sendable, Equatable {
    public var lastArticle: String?
    /// The paragraph at the top of the view when the reader left each article.
    public var places: [String: Int]
    public var read: Set<String>
    public var theme: String?
    /// `m` + letter: a place to come back to with `'` + letter, in any article.
    public var marks: [String: MarkPlace]

    public struct MarkPlace: Codable, Sendable, Equatable {
        public var path: String
        public var paragraph: Int
    }

    public init(lastArticle: String? = nil, places: [String: Int] = [:], read: Set<String> = [], theme: String? = nil,
                marks: [String: MarkPlace] = [:]) {
        self.lastArticle = lastArticle
        self.places = places
        self.read = read
        self.theme = theme
        self.marks = marks
    }

    /// Every field may be missing: a file from an older lede still reads.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lastArticle = try container.decodeIfPresent(String.self, forKey: .lastArticle)
        places = try container.decodeIfPresent([String: Int].self, forKey: .places) ?? [:]
        read = try container.decodeIfPresent(Set<String>.self, forKey: .read) ?? []
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
        marks = try container.decodeIfPresent([String: MarkPlace].self, forKey: .marks) ?? [:]
    }

    /// Most places and read marks kept (a record stays small however much is read).
    static let capacity = 20_000

    /// Paths are kept absolute, so a folder opened from another directory is still known.
    static func key(_ path: String, in workingDirectory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        // Most paths are clean already; standardizing costs more than the rest of a key press.
        guard absolute.contains("/.") || absolute.contains("//") else { return absolute }
        return (absolute as NSString).standardizingPath
    }
}

extension BrowserState {
    /// The record to save now: the stored one with the current article and its place.
    public func sessionRecord() -> SessionRecord {
        var record = session
        if let path = openedPath.map(sessionKey) {
            record.lastArticle = path
            if let paragraph = topParagraph { record.places[path] = paragraph }
        }
        record.theme = theme.name
        return record
    }

    /// The paragraph whose line is at the top of the reader (or the first below it).
    var topParagraph: Int? { article.flatMap { topParagraph(of: $0, scroll: reader.scroll) } }

    func topParagraph(of article: ArticleID, scroll: Int) -> Int? {
        let lines = readerLayout(of: article, visibleParagraphs: nil).lines
        guard !lines.isEmpty else { return nil }
        return lines[max(0, min(scroll, lines.count - 1))...].lazy.compactMap(\.paragraph).first
    }

    /// Called when the article on screen changes: the one left keeps its place, the new one counts as read.
    mutating func noteArticleChange(from previousPath: String?, previousParagraph: Int?) -> [Effect] {
        if let previousPath, let previousParagraph { session.places[sessionKey(previousPath)] = previousParagraph }
        if let path = openedPath { session.read.insert(sessionKey(path)) }
        if session.read.count > SessionRecord.capacity { session.read = Set(session.read.shuffled().prefix(SessionRecord.capacity / 2)) }
        if session.places.count > SessionRecord.capacity { session.places = [:] }
        return [.saveSession]
    }

    /// Starts where the last session ended: its read marks and places, its theme, its last article (if still loaded).
    public mutating func resume(_ record: SessionRecord, restoringTheme: Bool = true) {
        session = record
        if restoringTheme, let name = record.theme, let index = themes.firstIndex(where: { $0.name == name }) { themeIndex = index }
        guard let key = record.lastArticle, let (id, path) = article(atSessionKey: key), id != article else { return }
        article = id
        resetReader()
        restorePlace(of: path)
        message = StatusMessage("Back where you left off: article \((articlePosition ?? 0) + 1) of \(corpus.articleCount)")
        openedArticle = article
        openedPath = path
        session.read.insert(key)
        refreshDerivedViews()
    }

    /// The session's key for a path as the corpus has it.
    func sessionKey(_ path: String) -> String { SessionRecord.key(path, in: workingDirectory) }

    /// The article a session key names, and its path as the corpus has it (as given, or relative to here).
    func article(atSessionKey key: String) -> (ArticleID, String)? {
        if let id = corpus.articleID(path: key) { return (id, key) }
        let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        guard key.hasPrefix(prefix) else { return nil }
        let relative = String(key.dropFirst(prefix.count))
        return corpus.articleID(path: relative).map { ($0, relative) }
    }

    /// Scrolls to where the last session left this article, if it did.
    mutating func restorePlace(of path: String) {
        guard let paragraph = session.places[sessionKey(path)], let line = readerLayout.firstLine[paragraph] else { return }
        reader.scroll = line
        clampScrolls()
    }

    /// Whether the article at this path was opened in this or an earlier session.
    public func isRead(_ path: String) -> Bool { session.read.contains(sessionKey(path)) }
}
