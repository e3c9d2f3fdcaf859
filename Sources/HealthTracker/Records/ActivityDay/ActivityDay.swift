public import FoundationEssentials
public import UTCTime

/// One `physical_activity` record: a user's totals for one UTC day (a re-sync is a PATCH).
///
/// `moderate_minutes`, `vigorous_minutes` and `active_minutes` are numbers, not integers:
/// §1 gives them a range only (unlike `steps`, "integer"), so 12.5 minutes is accepted.
public struct ActivityDay: Sendable, Equatable {
    public var userUUID: UUID
    public var date: CalendarDate
    public var steps: Int?
    public var moderateMinutes: Decimal?
    public var vigorousMinutes: Decimal?
    public var activeMinutes: Decimal?
    public var caloriesKcal: Decimal?
    public var distanceKm: Decimal?
    public var createdAt: Instant?
    public var updatedAt: Instant?

    public init(
        userUUID: UUID, date: CalendarDate,
        steps: Int? = nil, moderateMinutes: Decimal? = nil, vigorousMinutes: Decimal? = nil,
        activeMinutes: Decimal? = nil, caloriesKcal: Decimal? = nil, distanceKm: Decimal? = nil,
        createdAt: Instant? = nil, updatedAt: Instant? = nil
    ) {
        self.userUUID = userUUID
        self.date = date
        self.steps = steps
        self.moderateMinutes = moderateMinutes
        self.vigorousMinutes = vigorousMinutes
        self.activeMinutes = activeMinutes
        self.caloriesKcal = caloriesKcal
        self.distanceKm = distanceKm
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
