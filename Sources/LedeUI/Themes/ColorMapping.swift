// SPDX-License-Identifier: Apache-2.0
/// What colours a terminal can show.
public enum ColorCapability: Int, Sendable, Comparable, CaseIterable {
    case none = 0, eight = 8, sixteen = 16, palette256 = 256, direct = 16_777_216

    public static func < (a: ColorCapability, b: ColorCapability) -> Bool { a.rawValue < b.rawValue }

    /// From curses' `COLORS`, `COLORTERM` and `NO_COLOR`.
    public static func detect(colors: Int, hasColors: Bool, environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        if colors >= 16_777_216 { return .direct }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .sixteen }
        if colors >= 8 { return .eight }
        return .none
    }
}

/// Maps theme colours to the nearest colour a terminal has: truecolor →
/// 256 → 16 → 8 → none. Pure, so the fallback table is testable.
public enum ColorMapping {
    /// The curses colour number for `color`, -1 for the terminal default,
    /// nil when the terminal shows no colour.
    public static func terminalColor(_ color: Color, capability: ColorCapability) -> Int? {
        switch capability {
        case .none:
            return nil
        case .direct:
            switch color {
            case .terminalDefault: return -1
            case .rgb(let r, let g, let b): return Int(r) << 16 | Int(g) << 8 | Int(b)
            case .ansi(let index), .indexed(let index):
                let (r, g, b) = rgb(ofIndex: index)
                return Int(r) << 16 | Int(g) << 8 | Int(b)
            }
        case .palette256:
            switch color {
            case .terminalDefault: return -1
            case .ansi(let index), .indexed(let index): return Int(index)
            case .rgb(let r, let g, let b): return nearest256(r, g, b)
            }
        case .sixteen, .eight:
            let limit = capability == .sixteen ? 16 : 8
            switch color {
            case .terminalDefault: return -1
            case .ansi(let index) where Int(index) < limit: return Int(index)
            case .ansi(let index): return Int(index) - 8
            case .indexed(let index) where Int(index) < limit: return Int(index)
            case .indexed(let index):
                let (r, g, b) = rgb(ofIndex: index)
                return nearestANSI(r, g, b, bright: limit == 16)
            case .rgb(let r, let g, let b):
                return nearestANSI(r, g, b, bright: limit == 16)
            }
        }
    }

    /// The xterm default RGB of a 256-palette index.
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        let standard: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return standard[Int(index)] }
        if index >= 232 {
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
        let cube = Int(index) - 16
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return (steps[cube / 36], steps[cube / 6 % 6], steps[cube % 6])
    }

    /// Nearest of the 6×6×6 cube and the 24 greys (indices 16–255).
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        var best = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let (pr, pg, pb) = rgb(ofIndex: UInt8(index))
            let distance = weightedDistance((r, g, b), (pr, pg, pb))
            if distance < bestDistance { bestDistance = distance; best = index }
        }
        return best
    }

    /// By hue family rather than raw distance, so that a light blue stays
    /// blue on an 8-colour terminal instead of turning white.
    public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, bright: Bool) -> Int {
        let red = Double(r) / 255, green = Double(g) / 255, blue = Double(b) / 255
        let maximum = max(red, green, blue), minimum = min(red, green, blue)
        let value = maximum
        let saturation = maximum == 0 ? 0 : (maximum - minimum) / maximum
        if saturation < 0.25 || maximum - minimum < 0.12 {
            if value < 0.3 { return 0 }
            if value < 0.65 { return bright ? 8 : 7 }
            return bright && value > 0.9 ? 15 : 7
        }
        // Dark colours read as black: a dark background (solarized's #002b36) must not turn into a cyan one.
        if value < 0.3 { return 0 }
        var hue: Double
        if maximum == red { hue = (green - blue) / (maximum - minimum) }
        else if maximum == green { hue = 2 + (blue - red) / (maximum - minimum) }
        else { hue = 4 + (red - green) / (maximum - minimum) }
        hue = (hue * 60).truncatingRemainder(dividingBy: 360)
        if hue < 0 { hue += 360 }
        // red 0, yellow 60, green 120, cyan 180, blue 240, magenta 300.
        let families = [1, 3, 2, 6, 4, 5]
        let base = families[Int((hue + 30) / 60) % 6]
        // Bright variants only for the brightest colours: xterm's normal
        // ones top out at 205 of 255.
        return bright && value > 0.9 ? base + 8 : base
    }

    static func weightedDistance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
