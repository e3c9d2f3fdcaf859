#if canImport(Glibc)
import Glibc
#endif
import Essentials

/// The one step every error text that may carry a connection string or a password goes
/// through before it reaches a log, a problem document, `/runtime/init/error` or a
/// CloudFormation `Reason`: libpq's messages (which quote a malformed URI, or a piece of
/// it), the URL parser's, and the secret fetch's.
///
/// Three passes, so that a password is removed whether or not it is known here:
/// - the user information of every `scheme://…@` URI (to the last `@` on the line) becomes `***`;
/// - the value of every `password=` keyword (quoted or not) becomes `***`;
/// - every known secret (the `password` pairs, the password inside a `dbname` connection
///   string, `PGPASSWORD`) is masked as written, percent-decoded, percent-encoded (either
///   case of hex), backslash-escaped (libpq's and JSON's quoting); and a double-quoted span
///   that holds any piece of one (libpq's "invalid percent-encoded token: "…"") is masked whole,
///   as is every one in a message about a `key=value` string libpq could not read.
public struct SecretRedaction: Sendable {
    /// What stands where a secret was.
    public static let mask = "***"
    /// Every form of every secret, longest first (so a longer form is never left half-masked).
    private let forms: [String]

    public init(secrets: [String]) {
        var forms: Set<String> = []
        for secret in secrets where !secret.isEmpty {
            for base in [secret, secret.percentDecoded()].compactMap({ $0 }) {
                forms.insert(base)
                forms.insert(base.percentEncoded(lowercaseHex: false))
                forms.insert(base.percentEncoded(lowercaseHex: true))
                forms.insert(Self.backslashEscaped(base))
            }
        }
        self.forms = forms.filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// The secrets of a configuration, and `PGPASSWORD`, which libpq reads for itself.
    public init(configuration: PostgresConfiguration) {
        var secrets = configuration.parameters.compactMap { pair -> String? in
            switch pair.key {
            case "password": pair.value
            case "dbname": Self.password(inConnectionString: pair.value)
            default: nil
            }
        }
        if let variable = getenv("PGPASSWORD") { secrets.append(String(cString: variable)) }
        self.init(secrets: secrets)
    }

    /// The secrets in the settings of an environment: `DATABASE_URL`'s password and `PGPASSWORD`.
    public init(environment: [String: String]) {
        var secrets = [environment["DATABASE_URL"].flatMap(Self.password(inConnectionString:)), environment["PGPASSWORD"]]
            .compactMap { $0 }
        if let variable = getenv("PGPASSWORD") { secrets.append(String(cString: variable)) }
        self.init(secrets: secrets)
    }

    /// `text` with every secret it may hold masked.
    public func redact(_ text: String) -> String {
        var result = Self.maskingURIUserInformation(text)
        result = Self.maskingPasswordKeywords(result)
        for form in forms where result.contains(form) {
            result = result.replacing(form, with: Self.mask)
        }
        return maskingQuotedPieces(result)
    }

    // MARK: - Passes

    /// `scheme://user:password@host` → `scheme://***@host`. The password may hold `@`, so
    /// the user information runs to the last `@` before the line ends or the next URI starts.
    static func maskingURIUserInformation(_ text: String) -> String {
        guard text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let marker = rest.firstRange(of: "://") {
            result += rest[..<marker.upperBound]
            let after = rest[marker.upperBound...]
            let lineEnd = after.firstIndex(where: \.isNewline) ?? after.endIndex
            let nextURI = after[..<lineEnd].firstRange(of: "://")?.lowerBound ?? lineEnd
            if let at = after[..<nextURI].lastIndex(of: "@") {
                result += mask
                rest = after[at...]
            } else {
                rest = after
            }
        }
        return result + rest
    }

    /// `password=value` and `password='quoted \' value'` (libpq's key=value form) → `password=***`.
    static func maskingPasswordKeywords(_ text: String) -> String {
        guard text.lowercased().contains("password") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard let found = keyword(in: text[index...]) else { break }
            var cursor = found.upperBound
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex, text[cursor] == "=" else {
                result += text[index..<found.upperBound]
                index = found.upperBound
                continue
            }
            cursor = text.index(after: cursor)
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
            result += text[index..<cursor] + mask
            if cursor < text.endIndex, text[cursor] == "'" {
                // Quoted: to the closing quote that no backslash escapes (or the end).
                cursor = text.index(after: cursor)
                while cursor < text.endIndex, text[cursor] != "'" {
                    if text[cursor] == "\\" { cursor = text.index(after: cursor) }
                    if cursor < text.endIndex { cursor = text.index(after: cursor) }
                }
                if cursor < text.endIndex { cursor = text.index(after: cursor) }
            } else {
                while cursor < text.endIndex, !text[cursor].isWhitespace, text[cursor] != "\"" { cursor = text.index(after: cursor) }
            }
            index = cursor
        }
        return result + text[index...]
    }

    /// A `"…"` span holding a piece of a secret (libpq quotes the token it could not read) is masked whole.
    private func maskingQuotedPieces(_ text: String) -> String {
        // A key=value string libpq could not read: the quoted token may be any piece of it,
        // a password cut at a space included.
        let unreadable = text.contains("connection info string")
        guard !forms.isEmpty || unreadable, text.contains("\"") else { return text }
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text }
        var result = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { result += "\"" }
            // Odd parts sit between a pair of quotes.
            let quoted = index % 2 == 1 && index < parts.count - 1
            if quoted, !part.isEmpty, part != Self.mask, unreadable || forms.contains(where: { $0.contains(part) || part.contains($0) }) {
                result += Self.mask
            } else {
                result += part
            }
        }
        return result
    }

    // MARK: - Forms

    /// The password in a libpq URI (between the user's `:` and the last `@` of the authority)
    /// or `key=value` string, as written there.
    static func password(inConnectionString text: String) -> String? {
        if let scheme = text.firstRange(of: "://") {
            let after = text[scheme.upperBound...]
            guard let at = after.lastIndex(of: "@"), let colon = after[..<at].firstIndex(of: ":") else { return nil }
            let password = after[after.index(after: colon)..<at]
            return password.isEmpty ? nil : String(password)
        }
        guard let keyword = keyword(in: text[...]) else { return nil }
        var rest = text[keyword.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        if rest.first == "'" {
            var value = ""
            var escaped = false
            for character in rest.dropFirst() {
                if escaped { value.append(character); escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "'" { break }
                value.append(character)
            }
            return value.isEmpty ? nil : value
        }
        let value = rest.prefix { !$0.isWhitespace }
        return value.isEmpty ? nil : String(value)
    }

    /// The first `password` in `text`, in any case.
    private static func keyword(in text: Substring) -> Range<String.Index>? {
        let lowered = Array("password")
        var start = text.startIndex
        while start < text.endIndex {
            var cursor = start
            var matched = 0
            while matched < lowered.count, cursor < text.endIndex, text[cursor].lowercased() == String(lowered[matched]) {
                matched += 1
                cursor = text.index(after: cursor)
            }
            if matched == lowered.count { return start..<cursor }
            start = text.index(after: start)
        }
        return nil
    }

    /// `\` and both quotes preceded by a backslash, as libpq's and JSON's quoting write them.
    static func backslashEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\\" || character == "'" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
