public import FoundationEssentials
public import UTCTime

/// One stored `sleep_activity` night, keyed by its UTC wake-up `date`.
public struct SleepNightRecord: Sendable, Hashable {
    public var date: CalendarDate
    /// Both or neither (write-time rule); time in bed (TIB) = end − start.
    public var startTime: Instant?
    public var endTime: Instant?
    public var totalSleepMinutes: Decimal?
    public var deepMinutes: Decimal?
    public var remMinutes: Decimal?
    public var lightMinutes: Decimal?
    public var awakeMinutes: Decimal?
    public var efficiencyPercent: Decimal?

    public init(
        date: CalendarDate,
        startTime: Instant? = nil,
        endTime: Instant? = nil,
        totalSleepMinutes: Decimal? = nil,
        deepMinutes: Decimal? = nil,
        remMinutes: Decimal? = nil,
        lightMinutes: Decimal? = nil,
        awakeMinutes: Decimal? = nil,
        efficiencyPercent: Decimal? = nil
    ) {
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.totalSleepMinutes = totalSleepMinutes
        self.deepMinutes = deepMinutes
        self.remMinutes = remMinutes
        self.lightMinutes = lightMinutes
        self.awakeMinutes = awakeMinutes
        self.efficiencyPercent = efficiencyPercent
    }
}
