import FoundationEssentials
import Postgres
import UTCTime

extension RecordResource {
    /// `/api/bio-metrics/`: a user's readings, one per (`user_uuid`, `recorded`).
    public static let bioMetrics = RecordResource(
        function: .bioMetrics, table: "bio_metrics", collectionPath: "/api/bio-metrics/",
        key: Key(name: "recorded", kind: .instant, patchedByPath: true), endpoints: RecordEndpoints<BioMetricReading>.self)
}

extension BioMetricReading: KeyedRow {
    static let resource = RecordResource.bioMetrics
    static let statements = KeyedStatements(BioMetricReading.self)

    var recordKey: RecordKey { .instant(recorded) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), recorded: try row.decode(1, as: Instant.self))
    }
}
