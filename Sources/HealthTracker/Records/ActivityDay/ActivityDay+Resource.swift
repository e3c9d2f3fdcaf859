import FoundationEssentials
import Postgres
import UTCTime

/// The `physical_activity` table: one record per (`user_uuid`, `date`).
typealias ActivityDayStore = KeyedStore<ActivityDay>

extension ActivityDay: KeyedRow {
    static let tableName = "physical_activity"
    static let resource = RecordResource.physicalActivity
    static let collectionPath = "/api/physical-activity/"
    static let statements = KeyedStatements(ActivityDay.self)

    var recordKey: RecordKey { .date(date) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), date: try row.decode(1, as: CalendarDate.self))
    }
}
