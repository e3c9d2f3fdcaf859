import FoundationEssentials

extension UUID {
    /// The 8-4-4-4-12 hex form in either case; nothing else (no braces, no missing dashes).
    static func parseCanonical(_ text: String) -> UUID? {
        guard text.utf8.count == 36 else { return nil }
        return UUID(uuidString: text)
    }

    /// Lower case, as PostgreSQL writes `uuid` values.
    var lowercasedText: String { uuidString.lowercased() }
}
