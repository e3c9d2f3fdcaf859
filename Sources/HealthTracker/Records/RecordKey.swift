public import UTCTime

/// A list position or bound: a date or an instant, by resource.
public enum RecordKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    case date(CalendarDate)
    case instant(Instant)

    public enum Kind: Sendable, Equatable {
        case date, instant
    }

    /// Parses `YYYY-MM-DD` or an RFC 3339 instant with an offset, as `kind` asks.
    public init?(_ text: String, kind: Kind) {
        switch kind {
        case .date:
            guard let date = CalendarDate(text) else { return nil }
            self = .date(date)
        case .instant:
            guard let instant = Instant.parseStorable(text) else { return nil }
            self = .instant(instant)
        }
    }

    /// `YYYY-MM-DD`, or the instant in UTC with `Z`.
    public var description: String {
        switch self {
        case .date(let date): date.description
        case .instant(let instant): instant.rfc3339
        }
    }

    public var columnValue: ColumnValue {
        switch self {
        case .date(let date): .date(date)
        case .instant(let instant): .instant(instant)
        }
    }

    static func reason(_ kind: Kind) -> String {
        switch kind {
        case .date: FieldReason.date
        case .instant: FieldReason.instant + " (send + as %2B)"
        }
    }
}
