// SPDX-License-Identifier: Apache-2.0
extension Sentences {
    /// Where a sentence end is glued to the next sentence (`would not.For
    /// now`, `rose.“We`), as scraped pages that lost their paragraph breaks
    /// show them: scalar offsets of the capitals (or opening quotes) that
    /// start the glued sentences. An initial or dotted acronym (`U.S.The`)
    /// and a stock ticker (`(9988.HK)`) are not breaks.
    public static func gluedBreaks(in scalars: [Unicode.Scalar]) -> [Int] {
        var breaks: [Int] = []
        var start = 0
        var index = 1
        while index < scalars.count {
            let scalar = scalars[index]
            let isCapital = isCapitalLetter(scalar)
            let isOpeningQuote = !isCapital && isOpeningQuote(scalar) && index + 1 < scalars.count && isCapitalLetter(scalars[index + 1])
            if isCapital || isOpeningQuote {
                // Walk back over closing quotes to the sentence end.
                var end = index - 1
                while end > start, isClosingQuote(scalars[end]) { end -= 1 }
                if end > start, isTerminator(scalars[end]), !isInitial(scalars, periodAt: end), !isTicker(scalars, periodAt: end) {
                    breaks.append(index)
                    start = index
                }
            }
            index += 1
        }
        return breaks
    }

    /// `.`, `?`, `!` and the CJK full stops.
    public static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case ".", "?", "!", "。", "！", "？": true; default: false }
    }

    static func isClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case "”", "’", "\"", ")": true; default: false }
    }

    static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case "“", "\"", "‘", "(": true; default: false }
    }

    /// ASCII answered without a Unicode property lookup (the common case).
    static func isCapitalLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
    }

    /// `(9988.HK)`, `(9888.HK, BIDU.O)`, `01.AI`: a full stop inside a stock
    /// ticker or a name, one to four capitals after it, then a bracket or comma
    /// (after a digit: anything but a letter).
    static func isTicker(_ scalars: [Unicode.Scalar], periodAt index: Int) -> Bool {
        guard scalars[index] == ".", index >= 1 else { return false }
        let afterDigit = ("0"..."9").contains(scalars[index - 1])
        guard afterDigit || scalars[index - 1].properties.isAlphabetic else { return false }
        var cursor = index + 1
        while cursor < scalars.count, cursor - index <= 5, scalars[cursor].value >= 0x41 && scalars[cursor].value <= 0x5A { cursor += 1 }
        let capitals = cursor - index - 1
        guard (1...4).contains(capitals) else { return false }
        guard cursor < scalars.count else { return afterDigit }
        if afterDigit { return !scalars[cursor].properties.isAlphabetic }
        return scalars[cursor] == ")" || scalars[cursor] == ","
    }

    /// `U.S.` or `J.`: a single capital before the full stop, after a full stop, a space or the start.
    static func isInitial(_ scalars: [Unicode.Scalar], periodAt index: Int) -> Bool {
        guard scalars[index] == ".", index >= 1, scalars[index - 1].properties.isUppercase else { return false }
        return index == 1 || scalars[index - 2] == "." || scalars[index - 2].properties.isWhitespace
    }
}
