import FoundationEssentials
import Postgres
import UTCTime

/// The `sleep_activity` table: one record per (`user_uuid`, `date`).
typealias SleepNightStore = KeyedStore<SleepNight>

extension SleepNight: KeyedRow {
    static let tableName = "sleep_activity"
    static let resource = RecordResource.sleepActivity
    static let collectionPath = "/api/sleep-activity/"
    static let statements = KeyedStatements(SleepNight.self)

    var recordKey: RecordKey { .date(date) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), date: try row.decode(1, as: CalendarDate.self))
    }
}
