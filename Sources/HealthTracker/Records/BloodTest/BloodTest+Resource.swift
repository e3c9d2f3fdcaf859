import FoundationEssentials
import Postgres
import UTCTime

extension RecordResource {
    /// `/api/blood-tests/`: a user's lab panels, one per (`user_uuid`, `test_date`).
    public static let bloodTests = RecordResource(
        function: .bloodTests, table: "blood_tests", collectionPath: "/api/blood-tests/",
        key: Key(name: "test_date", kind: .date, patchedByPath: true), endpoints: RecordEndpoints<BloodTest>.self)
}

extension BloodTest: KeyedRow {
    static let resource = RecordResource.bloodTests
    static let statements = KeyedStatements(BloodTest.self)

    var recordKey: RecordKey { .date(testDate) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), testDate: try row.decode(1, as: CalendarDate.self))
    }
}
