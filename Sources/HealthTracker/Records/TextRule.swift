/// A rule for a free-text field. Lengths count Unicode code points, as PostgreSQL's
/// `char_length` does, so the database CHECK constraints can say the same thing.
struct TextRule: Sendable {
    let reason: String
    let accepts: @Sendable (String) -> Bool
    /// Applied before `accepts`; the value stored is the normalised one.
    var normalize: @Sendable (String) -> String = { $0 }

    init(reason: String, normalize: @escaping @Sendable (String) -> String = { $0 }, accepts: @escaping @Sendable (String) -> Bool) {
        self.reason = reason
        self.normalize = normalize
        self.accepts = accepts
    }

    /// No C0 controls or DEL: a NUL cannot be stored in a PostgreSQL `text`, and the others
    /// are never part of a name or an address.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `email`, in NFC: at most 254 characters, exactly one `@` with something on both sides,
    /// no spaces, and `EmailAddress`'s rules (no display name, address literal or quotes; one
    /// script per part).
    static let email = TextRule(
        reason: "must be an email address (local@domain: one @ with text on both sides, no spaces, no <>[]()\",;:\\, one script in each part, at most 254 characters)",
        normalize: EmailAddress.normalized
    ) { text in
        let scalars = text.unicodeScalars
        guard scalars.count <= 254, !hasControl(text),
              !scalars.contains(where: { $0.properties.isWhitespace }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && EmailAddress.isAcceptable(local: parts[0], domain: parts[1])
    }

    /// `full_name`: 1–200 characters, not only spaces.
    static let fullName = TextRule(reason: "must be a name of 1 to 200 characters, not blank") { text in
        let scalars = text.unicodeScalars
        return (1...200).contains(scalars.count) && !hasControl(text)
            && scalars.contains { !$0.properties.isWhitespace }
    }
}
