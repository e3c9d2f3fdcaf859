import FoundationEssentials
import Postgres
import UTCTime

/// The `blood_tests` table: one record per (`user_uuid`, `test_date`).
typealias BloodTestStore = KeyedStore<BloodTest>

extension BloodTest: KeyedRow {
    static let tableName = "blood_tests"
    static let resource = RecordResource.bloodTests
    static let collectionPath = "/api/blood-tests/"
    static let statements = KeyedStatements(BloodTest.self)

    var recordKey: RecordKey { .date(testDate) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), testDate: try row.decode(1, as: CalendarDate.self))
    }
}
