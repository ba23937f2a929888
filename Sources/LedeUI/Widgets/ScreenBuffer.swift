// SPDX-License-Identifier: Apache-2.0
/// A rectangle of cells on the screen.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect { Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount) }
}

/// A cell of the screen for the terminal's cursor.
public struct CursorPosition: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// One screen cell: a grapheme and how wide it is. The cell after a wide
/// grapheme is a continuation (`isContinuation`) and draws nothing.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var width: UInt8
    public var style: Style
    public var isContinuation: Bool

    public init(grapheme: Character = " ", width: UInt8 = 1, style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// An in-memory screen: widgets draw here, the terminal copies it out.
/// Every write goes through `SafeText`, and wide graphemes never straddle
/// the right edge of the area they are clipped to.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should sit, shown (accessible mode: on the
    /// focused item, for screen readers and magnifiers); nil hides it.
    public var cursor: CursorPosition?

    public init(width: Int, height: Int, fill: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(style: fill), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Fills a rectangle with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = Cell(style: style) }
        }
    }

    /// Writes one grapheme at (x, y), clipped to `clip`; returns the next x.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= max(0, bounds.y), y < min(height, bounds.maxY), x >= max(0, bounds.x) else { return x + 1 }
        // Printable ASCII (most cells) and the box-drawing and geometric
        // shapes the frame is made of are themselves, one column wide.
        let simple: Bool
        if let ascii = character.asciiValue {
            simple = ascii >= 0x20 && ascii < 0x7F
        } else {
            let scalars = character.unicodeScalars
            simple = scalars.count == 1 && (0x2500...0x25FF).contains(scalars.first!.value)
        }
        guard let safe = simple ? character : SafeText.displayable(character) else { return x }
        let columns = simple ? 1 : max(1, DisplayWidth.of(safe))
        let right = min(width, bounds.maxX)
        guard x + columns <= right else {
            // A wide grapheme that does not fit leaves a blank, not half a glyph.
            if x < right { clearCell(x: x, y: y, style: style) }
            return x + columns
        }
        clearCell(x: x, y: y, style: style)
        if columns == 2 { clearCell(x: x + 1, y: y, style: style) }
        self[x, y] = Cell(grapheme: safe, width: UInt8(columns), style: style)
        if columns == 2 { self[x + 1, y] = Cell(grapheme: " ", width: 0, style: style, isContinuation: true) }
        return x + columns
    }

    /// Writes text from (x, y), clipped; returns the x after the last column written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        var column = x
        let right = min(width, (clip ?? area).maxX)
        for character in text {
            if column >= right { break }
            column = put(character, x: column, y: y, style: style, clip: clip)
        }
        return column
    }

    /// Overwriting half of a wide grapheme blanks the other half.
    private mutating func clearCell(x: Int, y: Int, style: Style) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(style: self[x - 1, y].style) }
        if cell.width == 2, x + 1 < width { self[x + 1, y] = Cell(style: self[x + 1, y].style) }
        self[x, y] = Cell(style: style)
    }

    /// The cells of a rectangle, row by row (to keep a drawn region).
    public func cells(in rect: Rect) -> [Cell] {
        var result: [Cell] = []
        result.reserveCapacity(rect.width * rect.height)
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { result.append(self[x, y]) }
        }
        return result
    }

    /// Puts back cells taken with `cells(in:)` from a rectangle of the same size.
    public mutating func paste(_ saved: [Cell], in rect: Rect) {
        var index = 0
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) where index < saved.count {
                self[x, y] = saved[index]
                index += 1
            }
        }
    }

    /// The text of row `y`, continuation cells skipped (for tests and captures).
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].grapheme) }
        return text
    }

    /// Every row as text.
    public var lines: [String] { (0..<height).map(line) }
}

/// Text cut to a number of columns, with an ellipsis when cut.
public enum TextFit {
    /// Cut to `columns` with an ellipsis; reads no further than the cut,
    /// so a very long text costs what the room costs.
    public static func truncate(_ text: String, to columns: Int, ellipsis: Character = "…") -> String {
        guard columns > 0 else { return "" }
        if text.utf8.count <= columns, DisplayWidth.asciiWidth(text) != nil { return text }
        var used = 0
        var cut: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let width = DisplayWidth.of(character)
            if cut == nil, used + width > columns - 1 { cut = index }
            used += width
            if used > columns { return String(text[..<(cut ?? index)]) + String(ellipsis) }
            index = text.index(after: index)
        }
        return text
    }

    /// Pads with spaces to exactly `columns` (truncating first if needed).
    public static func pad(_ text: String, to columns: Int) -> String {
        let fitted = truncate(text, to: columns)
        return fitted + String(repeating: " ", count: max(0, columns - DisplayWidth.of(fitted)))
    }

    /// Lines of at most `columns`, broken at spaces; a word wider than a line is cut across lines.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var width = DisplayWidth.of(word)
            if used > 0 && used + 1 + width <= columns {
                line += " " + word
                used += 1 + width
                continue
            }
            if used > 0 { lines.append(line); line = ""; used = 0 }
            while width > columns {
                let head = Array(word).prefixFitting(columns)
                guard !head.isEmpty else { break }
                lines.append(head)
                word = String(word.dropFirst(head.count))
                width = DisplayWidth.of(word)
            }
            line = word
            used = width
        }
        if used > 0 || lines.isEmpty && !line.isEmpty { lines.append(line) }
        return lines
    }
}
