/// What makes two e-mail addresses one identity, and which addresses are accepted.
///
/// - Stored as sent, in NFC (canonical composition): `é` and `e` + U+0301 are one address.
/// - Compared by `identityKey`: NFC of lower(upper(lower(NFC(address)))), with the standard
///   library's full (one-to-many) case mappings and Unicode data (no ICU). Lower-upper-lower
///   gives the classes of Unicode's full case folding for addresses: `ß`, `ẞ` and `SS` are
///   `ss`; final `ς` is `σ`; `ﬁ` is `fi`; the Kelvin sign is `k`.
///   The unique index on `users.email_key` holds it.
/// - Accepted: `local@domain`, no display name (`<…>`), no address literal (`[…]`), no
///   quotes, comments or lists (none of `<>[]()",;:\`), and the letters of the local part
///   and of each domain label from one script (`UnicodeScript`), so a Cyrillic `а` cannot
///   stand in for a Latin `a` inside a Latin name.
enum EmailAddress {
    /// The canonical composition the standard library's own String comparison uses.
    static func normalized(_ text: String) -> String {
        String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Equal for two addresses that are one identity.
    static func identityKey(_ text: String) -> String {
        normalized(normalized(text).lowercased().uppercased().lowercased())
    }

    /// RFC 5322's specials outside a dot-atom, and `\`: quoted local parts, display names,
    /// comments, address literals and lists are not addresses this API stores.
    static let forbidden: Set<Unicode.Scalar> = ["<", ">", "[", "]", "(", ")", "\"", ",", ";", ":", "\\"]

    /// The structural and script rules (the length and `@` rules are `TextRule.email`'s).
    static func isAcceptable(local: Substring, domain: Substring) -> Bool {
        guard !local.unicodeScalars.contains(where: forbidden.contains),
              !domain.unicodeScalars.contains(where: forbidden.contains) else { return false }
        return UnicodeScript.isSingleScript(local)
            && domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(UnicodeScript.isSingleScript)
    }
}
