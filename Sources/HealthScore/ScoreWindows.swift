public import UTCTime

/// The record windows of spec §2 for one `as_of`; D is the UTC date of `as_of`.
///
/// The same bounds serve the SQL range reads and the engine's own filtering.
public struct ScoreWindows: Sendable, Hashable {
    public let asOf: Instant
    /// `test_date` ∈ [D−364, D], whatever the time of `as_of`.
    public let bloodTests: ClosedRange<CalendarDate>
    /// Weight, BP and resting HR: `recorded` ∈ [D−89 T00:00:00Z, `as_of`].
    public let bioMetrics: ClosedRange<Instant>
    /// `date` ∈ [D−7, D−1]: the 7 complete UTC days before D.
    public let physicalActivity: ClosedRange<CalendarDate>
    public let sleepActivity: ClosedRange<CalendarDate>

    public init(asOf: Instant) {
        let day = asOf.date
        self.asOf = asOf
        bloodTests = day.adding(days: -364)...day
        bioMetrics = day.adding(days: -89).startInstant...asOf
        physicalActivity = day.adding(days: -7)...day.adding(days: -1)
        sleepActivity = physicalActivity
    }

    /// Height: `recorded` ≤ `as_of`, no lower limit (adult height is stable).
    public func containsHeight(recordedAt recorded: Instant) -> Bool {
        recorded <= asOf
    }
}
