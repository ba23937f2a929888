// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Every styled element a theme must define, by TOML table and key.
public enum ThemeElement: String, CaseIterable, Sendable {
    // [ui]
    case text, border, borderFocused = "border_focused", paneTitle = "pane_title", paneTitleFocused = "pane_title_focused",
         title, byline, status, statusKey = "status_key", statusMode = "status_mode", selection,
         searchMatch = "search_match", dim, hintLabel = "hint_label", overlay, overlayBorder = "overlay_border",
         message, error
    // [entities]
    case organisation, person, location, topic, model, detected, focusedMention = "focused_mention", other
    // [timeline]
    case axis, marker, label, selected, planned, conflict

    public var section: String {
        switch self {
        case .organisation, .person, .location, .topic, .model, .detected, .focusedMention, .other: return "entities"
        case .axis, .marker, .label, .selected, .planned, .conflict: return "timeline"
        default: return "ui"
        }
    }

    public var key: String { rawValue }
}

/// A loaded theme: a style for every element, organisation colours for the
/// timeline, and where it came from.
public struct Theme: Sendable {
    public var name: String
    public var description: String?
    public var source: String?
    /// The file it was read from, or `built-in`.
    public var origin: String
    public var styles: [ThemeElement: Style]
    public var organisationColors: [String: Color]
    public var palette: [Color]

    public init(name: String, description: String? = nil, source: String? = nil, origin: String,
                styles: [ThemeElement: Style], organisationColors: [String: Color] = [:], palette: [Color] = []) {
        self.name = name
        self.description = description
        self.source = source
        self.origin = origin
        self.styles = styles
        self.organisationColors = organisationColors
        self.palette = palette
    }

    public subscript(element: ThemeElement) -> Style { styles[element] ?? .plain }

    /// The style of a mention of an entity type.
    public func style(for type: EntityType) -> Style {
        switch type {
        case .organisation: self[.organisation]
        case .person: self[.person]
        case .location: self[.location]
        case .topic: self[.topic]
        case .model, .modelFamily, .product: self[.model]
        case .brand, .genre, .other: self[.other]
        }
    }

    /// An organisation's timeline colour: named in the theme, else a palette
    /// colour chosen by a stable hash of the name.
    public func color(forOrganisation name: String?) -> Color? {
        guard let name else { return palette.first }
        if let color = organisationColors[name] { return color }
        if let key = organisationColors.keys.first(where: { $0.lowercased() == name.lowercased() || name.hasPrefix($0 + " ") }) {
            return organisationColors[key]
        }
        guard !palette.isEmpty else { return nil }
        let hash = name.unicodeScalars.reduce(0) { ($0 &* 31 &+ Int($1.value)) & 0x7FFFFFFF }
        return palette[hash % palette.count]
    }

    /// The same theme with colours removed (NO_COLOR, `--no-color`).
    public var withoutColors: Theme {
        var copy = self
        copy.styles = styles.mapValues(\.withoutColors)
        copy.organisationColors = [:]
        copy.palette = []
        return copy
    }

    /// Used only when no theme file can be found at all: attributes only,
    /// so it cannot clash with any terminal.
    public static let fallback = Theme(name: "built-in", origin: "built-in", styles: [
        .borderFocused: Style(attributes: .bold), .paneTitleFocused: Style(attributes: [.bold, .reverse]),
        .title: Style(attributes: [.bold, .underline]), .byline: Style(attributes: .italic),
        .status: Style(attributes: .reverse), .statusKey: Style(attributes: [.reverse, .bold]), .statusMode: Style(attributes: .bold),
        .selection: Style(attributes: .reverse), .searchMatch: Style(attributes: [.bold, .italic, .underline]),
        .dim: Style(attributes: .dim), .hintLabel: Style(attributes: [.reverse, .bold]), .overlayBorder: Style(attributes: .bold),
        .message: Style(attributes: .bold), .error: Style(attributes: [.bold, .underline]),
        .organisation: Style(attributes: .bold), .person: Style(attributes: .underline), .location: Style(attributes: .italic),
        .topic: Style(attributes: [.italic, .underline]), .model: Style(attributes: [.bold, .underline]),
        .detected: Style(attributes: .dim), .focusedMention: Style(attributes: [.reverse, .bold]),
        .other: Style(attributes: [.bold, .italic]), .axis: Style(attributes: .dim), .selected: Style(attributes: [.reverse, .bold]),
        .planned: Style(attributes: [.italic, .dim]), .conflict: Style(attributes: [.bold, .underline]),
    ])
}
