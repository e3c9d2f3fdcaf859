public import FoundationEssentials
public import UTCTime

/// One `physical_activity` day's scored totals, as the engine reads them.
public struct ActivityDayInput: Sendable, Hashable {
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

    // The exact values the components compute with; `WindowedInputs` has checked that the
    // decimals are finite.

    var moderate: Rational? { moderateMinutes.flatMap(Rational.init(exactly:)) }
    var vigorous: Rational? { vigorousMinutes.flatMap(Rational.init(exactly:)) }
    var active: Rational? { activeMinutes.flatMap(Rational.init(exactly:)) }
}
