public import FoundationEssentials
public import LambdaHTTP
public import UTCTime

/// The query of `GET /api/get_health_score` (spec §7), checked: every bad parameter is
/// reported in one 400, `user_uuid` first.
public struct HealthScoreQuery: Sendable, Equatable {
    public let userUUID: UUID
    public let asOf: Instant

    /// The earliest as_of whose windows stay in four-digit years (D−364 ≥ 0001-01-01), so
    /// every date and instant the response echoes is itself valid RFC 3339.
    static let earliestDate = CalendarDate(daysSinceEpoch: CalendarDate(year: 1, month: 1, day: 1)!.daysSinceEpoch + 364)

    /// - Parameter now: the server time at the request, the default `as_of`.
    public init(_ query: QueryParameters, now: Instant) throws(Problem) {
        var issues: [InvalidParameter] = []
        var userUUID: UUID?
        let userValues = query.values(for: "user_uuid")
        switch userValues.count {
        case 0:
            issues.append(InvalidParameter(name: "user_uuid", reason: FieldReason.required))
        case 1:
            let text = userValues[0]
            userUUID = UUID.parseCanonical(text)
            if userUUID == nil {
                issues.append(InvalidParameter(name: "user_uuid", reason: "must be a UUID as 8-4-4-4-12 hex digits"))
            }
        default:
            issues.append(InvalidParameter(name: "user_uuid", reason: Self.once))
        }
        var asOf: Instant? = now
        let asOfValues = query.values(for: "as_of")
        switch asOfValues.count {
        case 0:
            break
        case 1:
            let text = asOfValues[0]
            // A `+` offset sent unencoded reaches us as a space (API Gateway decodes `+` in a
            // query as a space), which makes the text invalid: it is refused, never guessed.
            asOf = Instant.parseStorable(text)
            if asOf == nil {
                issues.append(InvalidParameter(name: "as_of", reason: FieldReason.instant + " (send + as %2B)"))
            } else if let instant = asOf, instant.date < Self.earliestDate {
                asOf = nil
                issues.append(InvalidParameter(name: "as_of", reason: "must be on or after \(Self.earliestDate) in UTC"))
            }
        default:
            asOf = nil
            issues.append(InvalidParameter(name: "as_of", reason: Self.once))
        }
        guard issues.isEmpty, let userUUID, let asOf else {
            let count = issues.count
            throw Problem(.invalidParameter, detail: count == 1 ? "1 query parameter is invalid" : "\(count) query parameters are invalid",
                          invalidParams: issues)
        }
        self.userUUID = userUUID
        self.asOf = asOf
    }

    static let once = "must be given once"
}
