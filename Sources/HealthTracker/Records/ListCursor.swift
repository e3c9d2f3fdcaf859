public import FoundationEssentials

/// Where a list page ended: the last item's key (and, for users, its `user_uuid` as a tiebreaker,
/// since `created_at` need not be unique). The next page starts strictly after it.
///
/// The token is URL-safe base64 (no padding) of `1|resource|key|uuid|check`, where `check` is an
/// FNV-1a checksum of the rest, so an edited, truncated or mistyped token is refused rather than
/// silently moving the page. It is not a secret signature and need not be: a cursor only positions
/// a keyset query that is still filtered by owner, so a forged one can reveal nothing.
public struct ListCursor: Sendable, Equatable {
    public let resource: RecordResource
    public let key: RecordKey
    public let tiebreaker: UUID?

    public init(resource: RecordResource, key: RecordKey, tiebreaker: UUID? = nil) {
        self.resource = resource
        self.key = key
        self.tiebreaker = tiebreaker
    }

    static let version = "1"
    static let maxTokenLength = 200

    public var token: String {
        let text = [Self.version, resource.name, key.description, tiebreaker?.lowercasedText ?? ""]
            .joined(separator: "|")
        return Base64URL.encode(Array((text + "|" + Self.check(text)).utf8))
    }

    /// Parses a token made by `token` for this resource; nil for anything else.
    public init?(token: String, resource: RecordResource) {
        guard token.utf8.count <= Self.maxTokenLength, let bytes = Base64URL.decode(token),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[4] == Self.check(parts[0..<4].joined(separator: "|")),
              parts[0] == Self.version, parts[1] == resource.name,
              let key = RecordKey(parts[2], kind: resource.keyKind) else { return nil }
        let tiebreaker: UUID?
        if resource == .users {
            guard let uuid = UUID.parseCanonical(parts[3]) else { return nil }
            tiebreaker = uuid
        } else {
            guard parts[3].isEmpty else { return nil }
            tiebreaker = nil
        }
        self.init(resource: resource, key: key, tiebreaker: tiebreaker)
        // One position, one token: other spellings of it (an offset, upper-case hex) are not ours.
        guard self.token == token else { return nil }
    }

    /// 32-bit FNV-1a of the text, as 8 hex digits.
    static func check(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
