// SPDX-License-Identifier: Apache-2.0
// LedeUI owns what the browser shows and how keys change it: BrowserState,
// Action, the KeyMap table, update(), layout, widgets that draw into an
// in-memory ScreenBuffer, and themes. It never touches curses.

/// A colour as a theme names it; the terminal maps it to what it can show.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An xterm 256-colour palette index.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                               "bright_black", "bright_red", "bright_green", "bright_yellow", "bright_blue",
                               "bright_magenta", "bright_cyan", "bright_white"]

    /// `#rrggbb`, a colour name, or `default`.
    public init?(text: String) {
        let lower = text.lowercased()
        if lower == "default" { self = .terminalDefault; return }
        if let index = Color.names.firstIndex(of: lower) { self = .ansi(UInt8(index)); return }
        guard lower.hasPrefix("#"), lower.count == 7, let value = UInt32(lower.dropFirst(), radix: 16) else { return nil }
        self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}

/// Text attributes, combinable.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let reverse = TextAttributes(rawValue: 16)

    public static let byName: [(String, TextAttributes)] = [("bold", .bold), ("dim", .dim), ("italic", .italic),
                                                            ("underline", .underline), ("reverse", .reverse)]
}

/// Foreground, background and attributes of a cell. A nil colour means
/// "whatever is underneath", so styles can be layered.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var attributes: TextAttributes

    public init(foreground: Color? = nil, background: Color? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style drawn on top of `base`: set colours win, attributes add up.
    public func over(_ base: Style) -> Style {
        Style(foreground: foreground ?? base.foreground, background: background ?? base.background,
              attributes: attributes.union(base.attributes))
    }

    /// Without colours: what `--no-color` and `NO_COLOR` draw.
    public var withoutColors: Style { Style(attributes: attributes) }
}
