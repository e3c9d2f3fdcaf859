import FoundationEssentials
import Postgres
import UTCTime

extension RecordResource {
    /// `/api/physical-activity/`: a user's days, one per (`user_uuid`, `date`); a PATCH names the day in its body.
    public static let physicalActivity = RecordResource(
        function: .physicalActivity, table: "physical_activity", collectionPath: "/api/physical-activity/",
        key: Key(name: "date", kind: .date, patchedByPath: false), endpoints: RecordEndpoints<ActivityDay>.self)
}

extension ActivityDay: KeyedRow {
    static let resource = RecordResource.physicalActivity
    static let statements = KeyedStatements(ActivityDay.self)

    var recordKey: RecordKey { .date(date) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), date: try row.decode(1, as: CalendarDate.self))
    }
}
