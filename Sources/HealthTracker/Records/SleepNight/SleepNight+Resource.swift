import FoundationEssentials
import Postgres
import UTCTime

extension RecordResource {
    /// `/api/sleep-activity/`: a user's nights, one per (`user_uuid`, `date`, the wake-up day);
    /// a PATCH names the night in its body.
    public static let sleepActivity = RecordResource(
        function: .sleepActivity, table: "sleep_activity", collectionPath: "/api/sleep-activity/",
        key: Key(name: "date", kind: .date, patchedByPath: false), endpoints: RecordEndpoints<SleepNight>.self)
}

extension SleepNight: KeyedRow {
    static let resource = RecordResource.sleepActivity
    static let statements = KeyedStatements(SleepNight.self)

    var recordKey: RecordKey { .date(date) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), date: try row.decode(1, as: CalendarDate.self))
    }
}
