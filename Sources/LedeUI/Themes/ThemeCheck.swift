// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// `lede themes --check`: what a theme looks like through the colour mapping
/// the terminal module really uses (truecolor, 256, 16 and 8 colours), as
/// contrast tables, and the rules a shipped theme must keep: entity types
/// told apart from each other and from plain text at every colour depth, a
/// focused mention that stands out, a monochrome theme that sets no colour.
public struct ThemeCheck: Sendable {
    public var errors: [String] = []
    public var warnings: [String] = []
    /// The theme's section of the contrast tables (Markdown).
    public var markdown = ""

    /// Entity types that must be told apart, and from plain text.
    static let types: [ThemeElement] = [.organisation, .person, .location, .topic, .model]
    /// Colour depths with the rule each must keep: colour alone (full depths) or colour and attributes.
    static let depths: [(name: String, capability: ColorCapability, colourAlone: Bool)] = [
        ("truecolor", .direct, true), ("256", .palette256, true), ("16", .sixteen, false), ("8", .eight, false),
    ]
    /// What `default` is taken as for a foreground.
    static let defaultForeground: (UInt8, UInt8, UInt8) = (0xE5, 0xE5, 0xE5)

    public init(_ theme: Theme, fileName: String) {
        let isMonochrome = theme.palette.isEmpty && theme.organisationColors.isEmpty
        markdown = "#### \(theme.name) (`\(fileName)`)\n\n"
        if isMonochrome { checkMonochrome(theme) } else { checkColours(theme) }
    }

    // MARK: - Monochrome

    mutating func checkMonochrome(_ theme: Theme) {
        for element in ThemeElement.allCases where theme[element].foreground != nil || theme[element].background != nil {
            errors.append("monochrome: \(element.section).\(element.key) must not set a colour")
        }
        let detected = theme[.detected].attributes
        let keys: [ThemeElement] = [.text] + Self.types + [.other]
        for (variant, extra) in [("plain", TextAttributes()), ("detected", detected)] {
            var seen: [TextAttributes: ThemeElement] = [:]
            for element in keys {
                let attributes = element == .text ? theme[element].attributes : theme[element].attributes.union(extra)
                if let other = seen[attributes] {
                    errors.append("monochrome (\(variant)): \(element.key) and \(other.key) share attributes \(Self.names(attributes))")
                }
                seen[attributes] = element
            }
        }
        let reverseElsewhere = (Self.types + [.other, .detected]).contains { theme[$0].attributes.contains(.reverse) }
        if !theme[.focusedMention].attributes.contains(.reverse) || reverseElsewhere {
            errors.append("focused_mention must be the only entity style using reverse")
        }
        markdown += "No colours; entity types by attributes alone:\n\n| key | attrs | with `detected` on top |\n|---|---|---|\n"
        for element in keys {
            let own = theme[element].attributes
            let withDetected = element == .text ? own : own.union(detected)
            markdown += "| \(element.key) | \(Self.names(own)) | \(Self.names(withDetected)) |\n"
        }
        markdown += "| focused_mention | \(Self.names(theme[.focusedMention].attributes)) | |\n"
    }

    // MARK: - Colour

    mutating func checkColours(_ theme: Theme) {
        if theme.palette.count < 6 { errors.append("timeline.palette needs at least 6 colours") }
        let textForeground = Self.rgb(theme[.text].foreground, default: Self.defaultForeground)
        let background: (UInt8, UInt8, UInt8)
        let backgroundNote: String
        if let declared = theme[.text].background, declared != .terminalDefault {
            background = Self.rgb(declared, default: (0, 0, 0))
            backgroundNote = "declared `ui.text.bg`"
        } else if Self.luminance(textForeground) > 0.18 {
            (background, backgroundNote) = ((0, 0, 0), "assumed dark terminal")
        } else {
            (background, backgroundNote) = ((255, 255, 255), "assumed light terminal")
        }
        let backgroundColor = Color.rgb(background.0, background.1, background.2)
        markdown += "Background \(Self.hex(background)) (\(backgroundNote)).\n\n"
        markdown += "| key | fg | attrs | ratio (truecolor) | 256 index | ratio (256) | 16-colour | 8-colour |\n|---|---|---|---:|---:|---:|---|---|\n"
        let background256 = Self.shown(backgroundColor, .palette256)
        let background8 = ColorMapping.terminalColor(backgroundColor, capability: .eight)
        for element in [.text] + Self.types + [.other] {
            guard let foreground = theme[element].foreground else {
                errors.append("\(element.key): a colour theme gives every entity type an fg")
                continue
            }
            let rgb = Self.rgb(foreground, default: Self.defaultForeground)
            let index256 = ColorMapping.terminalColor(foreground, capability: .palette256) ?? -1
            let ratio = Self.contrast(rgb, background)
            let ratio256 = Self.contrast(Self.shown(foreground, .palette256), background256)
            let index16 = ColorMapping.terminalColor(foreground, capability: .sixteen) ?? -1
            let index8 = ColorMapping.terminalColor(foreground, capability: .eight) ?? -1
            markdown += "| \(element.key) | `\(Self.hex(rgb))` | \(Self.names(theme[element].attributes)) | "
                + "\(Self.format(ratio)) | \(index256) | \(Self.format(ratio256)) | \(Self.colourName(index16)) | \(Self.colourName(index8)) |\n"
            if element != .text, index8 == background8 {
                errors.append("\(element.key): on 8 colours it is \(Self.colourName(index8)), the background's colour")
            }
            if element != .other, ratio < 4.5 { warnings.append("\(element.key): contrast \(Self.format(ratio)) < 4.5") }
        }
        for depth in Self.depths {
            var seen: [String: ThemeElement] = [:]
            for element in [.text] + Self.types {
                let style = theme[element]
                let colour = style.foreground.flatMap { ColorMapping.terminalColor($0, capability: depth.capability) }.map(String.init) ?? "default"
                let signature = depth.colourAlone ? colour : colour + " " + Self.names(style.attributes)
                if let other = seen[signature] {
                    errors.append("\(depth.name) colours: \(element.key) and \(other.key) look the same (\(signature))")
                }
                seen[signature] = element
            }
        }
        let focused = theme[.focusedMention]
        if !focused.attributes.contains(.reverse) && focused.background == nil {
            errors.append("focused_mention must use reverse or a bg to stand out")
        }
        // Other styles against their own background (or the theme's): muted ones are allowed, so listed only.
        var others: [(String, Double)] = []
        for element in ThemeElement.allCases where element.section != "entities" && element != .text {
            guard let foreground = theme[element].foreground else { continue }
            let ownBackground = Self.rgb(theme[element].background, default: background)
            others.append(("\(element.section).\(element.key)", Self.contrast(Self.rgb(foreground, default: Self.defaultForeground), ownBackground)))
        }
        if let lowest = others.min(by: { $0.1 < $1.1 }) {
            let muted = others.filter { $0.1 < 3 }.map { "\($0.0) \(Self.format($0.1))" }
            markdown += "\nOther fg styles: min \(Self.format(lowest.1))" + (muted.isEmpty ? "" : "; below 3:1 (muted on purpose): " + muted.joined(separator: ", ")) + ".\n"
        }
        let organisations = theme.organisationColors.sorted { $0.key < $1.key }
            .map { ($0.key, Self.contrast(Self.rgb($0.value, default: Self.defaultForeground), background)) }
        if let lowest = organisations.min(by: { $0.1 < $1.1 }) {
            markdown += "Timeline organisation colours: min \(Self.format(lowest.1)) (\(lowest.0)).\n"
        }
        for (name, ratio) in organisations where ratio < 3 {
            warnings.append("timeline.organisations.\(name): contrast \(Self.format(ratio)) < 3")
        }
    }

    // MARK: - Colour arithmetic

    /// The RGB a terminal shows for a colour at a depth (xterm's default palette).
    static func shown(_ color: Color, _ capability: ColorCapability) -> (UInt8, UInt8, UInt8) {
        guard let number = ColorMapping.terminalColor(color, capability: capability), number >= 0 else { return defaultForeground }
        if capability == .direct { return (UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF)) }
        return ColorMapping.rgb(ofIndex: UInt8(number))
    }

    static func rgb(_ color: Color?, default fallback: (UInt8, UInt8, UInt8)) -> (UInt8, UInt8, UInt8) {
        switch color {
        case nil, .terminalDefault?: return fallback
        case .rgb(let r, let g, let b)?: return (r, g, b)
        case .ansi(let index)?, .indexed(let index)?: return ColorMapping.rgb(ofIndex: index)
        }
    }

    /// WCAG 2.x relative luminance.
    static func luminance(_ color: (UInt8, UInt8, UInt8)) -> Double {
        func channel(_ value: UInt8) -> Double {
            let v = Double(value) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
    }

    static func contrast(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func hex(_ color: (UInt8, UInt8, UInt8)) -> String {
        "#" + [color.0, color.1, color.2].map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func format(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static func colourName(_ index: Int) -> String { Color.names[safe: index] ?? "default" }

    static func names(_ attributes: TextAttributes) -> String {
        let names = TextAttributes.byName.filter { attributes.contains($0.1) }.map(\.0)
        return names.isEmpty ? "(none)" : names.joined(separator: ", ")
    }
}
