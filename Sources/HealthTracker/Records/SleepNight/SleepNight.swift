public import FoundationEssentials
public import UTCTime

/// One `sleep_activity` record: a night, keyed by its UTC wake-up day `date`.
///
/// The minute fields are numbers, not integers (§1 gives ranges only); `awakenings` is an integer.
public struct SleepNight: Sendable, Equatable {
    public var userUUID: UUID
    /// The UTC date of `endTime` when times are given.
    public var date: CalendarDate
    public var startTime: Instant?
    public var endTime: Instant?
    public var totalSleepMinutes: Decimal?
    public var deepMinutes: Decimal?
    public var remMinutes: Decimal?
    public var lightMinutes: Decimal?
    public var awakeMinutes: Decimal?
    public var awakenings: Int?
    public var efficiencyPercent: Decimal?
    public var createdAt: Instant?
    public var updatedAt: Instant?

    public init(
        userUUID: UUID, date: CalendarDate,
        startTime: Instant? = nil, endTime: Instant? = nil,
        totalSleepMinutes: Decimal? = nil, deepMinutes: Decimal? = nil, remMinutes: Decimal? = nil,
        lightMinutes: Decimal? = nil, awakeMinutes: Decimal? = nil, awakenings: Int? = nil,
        efficiencyPercent: Decimal? = nil, createdAt: Instant? = nil, updatedAt: Instant? = nil
    ) {
        self.userUUID = userUUID
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.totalSleepMinutes = totalSleepMinutes
        self.deepMinutes = deepMinutes
        self.remMinutes = remMinutes
        self.lightMinutes = lightMinutes
        self.awakeMinutes = awakeMinutes
        self.awakenings = awakenings
        self.efficiencyPercent = efficiencyPercent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Time in bed in microseconds, when both times are given.
    public var timeInBedMicroseconds: Int64? {
        guard let startTime, let endTime else { return nil }
        return endTime.microsecondsSinceEpoch - startTime.microsecondsSinceEpoch
    }
}
