// SPDX-License-Identifier: Apache-2.0
/// Where an entity comes from.
public enum EntitySource: String, Sendable, Codable {
    /// The publisher annotated the article with it.
    case annotation
    /// We found it in the text through the gazetteer or the release catalogue.
    case detected
}

/// What makes two concepts one entity: its type and its normalised name.
///
/// Publisher ids do not decide identity: one label may come with several
/// ids, and every concept with the same (type, label) is one entity. An
/// organisation that the gazetteer knows is keyed by the gazetteer's name, so
/// `Alibaba` and `Alibaba Group Holding Ltd` are one entity.
public struct EntityKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: String

    public init(raw: String) { self.raw = raw }

    public init(type: EntityType, name: String) {
        raw = type.rawValue + ":" + EntityKey.normalise(name)
    }

    public static func < (a: EntityKey, b: EntityKey) -> Bool { a.raw < b.raw }
    public var description: String { raw }

    /// Lower case, white space collapsed, surrounding punctuation dropped.
    public static func normalise(_ name: String) -> String {
        // ASCII names (most) without a Unicode walk.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            var pendingSpace = false
            for byte in name.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append((0x41...0x5A).contains(byte) ? byte + 32 : byte)
            }
            while let last = bytes.last, last == 0x2E || last == 0x2C || last == 0x3B { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var words: [Substring] = []
        for word in name.lowercased().split(whereSeparator: { $0.isWhitespace }) { words.append(word) }
        var text = words.joined(separator: " ")
        while let last = text.unicodeScalars.last, last == "." || last == "," || last == ";" { text.unicodeScalars.removeLast() }
        return text
    }
}

/// A concept a reader can follow: an annotated concept, an organisation from
/// the gazetteer, or an AI model from the release catalogue or the text.
public struct Entity: Sendable, Hashable, Identifiable {
    public var id: EntityID
    public var key: EntityKey
    public var label: String
    public var type: EntityType
    /// Annotation predicates across all articles, first seen first.
    public var predicates: [String]
    public var source: EntitySource
    /// The names looked for in the text (label first).
    public var names: [String]
    public var url: String?
    /// For a model: its organisation's label.
    public var organisation: String?
    /// The publisher's concept id in the first article (path order) that
    /// annotates it, if any article does.
    public var publisherID: String?

    public init(id: EntityID, key: EntityKey, label: String, type: EntityType, predicates: [String] = [],
                source: EntitySource, names: [String] = [], url: String? = nil, organisation: String? = nil,
                publisherID: String? = nil) {
        self.id = id
        self.key = key
        self.label = label
        self.type = type
        self.predicates = predicates
        self.source = source
        self.names = names
        self.url = url
        self.organisation = organisation
        self.publisherID = publisherID
    }

    /// The id exports print: the publisher's, else `detected:<label>` or `model:<label>`.
    public var exportID: String {
        publisherID ?? (type == .model ? "model:\(label)" : "detected:\(label)")
    }

    /// Annotated only through the concept hierarchy: listed, not expected in the text.
    public var isOnlyImplicit: Bool {
        !predicates.isEmpty && predicates.allSatisfy { Annotation.implicitPredicates.contains($0) }
    }
}

/// One place in the text where an entity is named.
///
/// Offsets are **contract**: 0-based, end-exclusive, in Unicode scalars of
/// the paragraph text; `text` is exactly that slice.
public struct Mention: Sendable, Hashable {
    public var id: MentionID
    public var entity: EntityID
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var text: String
    /// True when the article's annotations do not list the entity.
    public var isDetected: Bool

    public init(id: MentionID, entity: EntityID, paragraph: Int, start: Int, end: Int, text: String, isDetected: Bool) {
        self.id = id
        self.entity = entity
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.isDetected = isDetected
    }

    public var article: ArticleID { id.article }
}
