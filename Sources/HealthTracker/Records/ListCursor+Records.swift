extension BloodTest {
    /// The cursor that continues a list after this test.
    public var listCursor: ListCursor { ListCursor(resource: .bloodTests, key: .date(testDate)) }
}

extension BioMetricReading {
    /// The cursor that continues a list after this reading.
    public var listCursor: ListCursor { ListCursor(resource: .bioMetrics, key: .instant(recorded)) }
}

extension ActivityDay {
    /// The cursor that continues a list after this day.
    public var listCursor: ListCursor { ListCursor(resource: .physicalActivity, key: .date(date)) }
}

extension SleepNight {
    /// The cursor that continues a list after this night.
    public var listCursor: ListCursor { ListCursor(resource: .sleepActivity, key: .date(date)) }
}

extension User {
    /// The cursor that continues the users list (by `created_at`, then `user_uuid`) after this
    /// user; nil for a user not yet stored.
    public var listCursor: ListCursor? {
        createdAt.map { ListCursor(resource: .users, key: .instant($0), tiebreaker: userUUID) }
    }
}
