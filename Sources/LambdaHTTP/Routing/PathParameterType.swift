import Essentials
import FoundationEssentials
import UTCTime

/// What a path template variable must hold.
public enum PathParameterType: Sendable, Hashable {
    /// Any non-empty segment, as given.
    case string
    /// 8-4-4-4-12 hex digits, either case.
    case uuid
    /// `YYYY-MM-DD`.
    case date
    /// RFC 3339 with an offset; percent-decoded first (`+` arrives as `%2B`).
    case instant

    /// Why a segment was rejected, for `invalid_params`.
    public var reason: String {
        switch self {
        case .string: "must not be empty"
        case .uuid: "must be a UUID"
        case .date: "must be a date as YYYY-MM-DD"
        case .instant: "must be an RFC 3339 date-time with an offset, such as 2024-05-01T07:30:00Z"
        }
    }

    /// The typed value of one path segment, or nil when it is not of this type.
    public func parse(_ segment: Substring) -> PathParameterValue? {
        switch self {
        case .string:
            return segment.isEmpty ? nil : .string(String(segment))
        case .uuid:
            guard let text = String(segment).percentDecoded(), Self.isUUIDText(text),
                  let uuid = UUID(uuidString: text) else { return nil }
            return .uuid(uuid)
        case .date:
            guard let text = String(segment).percentDecoded(), let date = CalendarDate(text) else { return nil }
            return .date(date)
        case .instant:
            guard let text = String(segment).percentDecoded(), let instant = Instant(rfc3339: text) else { return nil }
            return .instant(instant)
        }
    }

    /// Only the canonical hyphenated form, whatever else `UUID(uuidString:)` might take.
    private static func isUUIDText(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte.asciiLowercased)
                guard isHex else { return false }
            }
        }
        return true
    }
}
