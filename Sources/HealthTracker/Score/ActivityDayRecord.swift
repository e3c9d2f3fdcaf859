public import FoundationEssentials
public import UTCTime

/// One stored `physical_activity` day (the day's totals).
public struct ActivityDayRecord: Sendable, Hashable {
    public var date: CalendarDate
    public var steps: Int?
    public var moderateMinutes: Decimal?
    public var vigorousMinutes: Decimal?
    /// Minutes of unknown intensity, counted as moderate when no split is given.
    public var activeMinutes: Decimal?

    public init(
        date: CalendarDate,
        steps: Int? = nil,
        moderateMinutes: Decimal? = nil,
        vigorousMinutes: Decimal? = nil,
        activeMinutes: Decimal? = nil
    ) {
        self.date = date
        self.steps = steps
        self.moderateMinutes = moderateMinutes
        self.vigorousMinutes = vigorousMinutes
        self.activeMinutes = activeMinutes
    }
}
