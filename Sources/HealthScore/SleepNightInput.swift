public import FoundationEssentials
public import UTCTime

/// One `sleep_activity` night's scored fields, keyed by its UTC wake-up `date`, as the engine reads them.
public struct SleepNightInput: Sendable, Hashable {
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

    // The exact values the components compute with; `WindowedInputs` has checked that the
    // decimals are finite and that the night ends after it starts.

    /// Time in bed in minutes, when both times are given.
    var timeInBed: Rational? {
        guard let startTime, let endTime else { return nil }
        return Rational(BigInt(Int(endTime.microsecondsSinceEpoch - startTime.microsecondsSinceEpoch)), BigInt(60_000_000))
    }

    var total: Rational? { totalSleepMinutes.flatMap(Rational.init(exactly:)) }
    var deep: Rational? { deepMinutes.flatMap(Rational.init(exactly:)) }
    var rem: Rational? { remMinutes.flatMap(Rational.init(exactly:)) }
    var light: Rational? { lightMinutes.flatMap(Rational.init(exactly:)) }
    var awake: Rational? { awakeMinutes.flatMap(Rational.init(exactly:)) }
    var efficiency: Rational? { efficiencyPercent.flatMap(Rational.init(exactly:)) }
}
