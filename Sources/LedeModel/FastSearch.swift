/// Substring search over UTF-8 without Foundation: `String.range(of:)` and
/// `replacingOccurrences` bridge to UTF-16 on Linux and dominated import
/// time on long articles.
extension String {
    /// The first occurrence of `needle` at or after `start`, byte for byte.
    func utf8Range(of needle: String, from start: Index? = nil, before limit: Index? = nil) -> Range<Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let haystack = utf8
        let end = limit ?? haystack.endIndex
        var index = start ?? haystack.startIndex
        while index < end {
            if haystack[index] == first {
                var probe = haystack.index(after: index)
                var matched = 1
                while matched < bytes.count, probe < haystack.endIndex, haystack[probe] == bytes[matched] {
                    haystack.formIndex(after: &probe)
                    matched += 1
                }
                if matched == bytes.count { return index..<probe }
            }
            haystack.formIndex(after: &index)
        }
        return nil
    }

    func containsUTF8(_ needle: String) -> Bool { utf8Range(of: needle) != nil }
}

extension StringProtocol {
    /// Without leading and trailing white space (Unicode), scanning only the
    /// ends: Foundation's trimmingCharacters copies the whole string.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
