extension String {
    /// Whether `needle`'s UTF-8 occurs in this string's, compared byte by byte. For the cold
    /// start and per-invocation checks: the generic `String.contains(_:)` builds the string
    /// processing library's searcher first, which costs more than the search.
    public func containsUTF8(_ needle: String) -> Bool {
        var haystack = self
        return haystack.withUTF8 { bytes in
            let pattern = needle.utf8
            guard bytes.count >= pattern.count else { return false }
            return (0...(bytes.count - pattern.count)).contains { bytes[$0...].starts(with: pattern) }
        }
    }
}
