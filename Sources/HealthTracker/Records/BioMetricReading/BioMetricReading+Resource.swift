import FoundationEssentials
import Postgres
import UTCTime

/// The `bio_metrics` table: one record per (`user_uuid`, `recorded`).
typealias BioMetricStore = KeyedStore<BioMetricReading>

extension BioMetricReading: KeyedRow {
    static let tableName = "bio_metrics"
    static let resource = RecordResource.bioMetrics
    static let collectionPath = "/api/bio-metrics/"
    static let statements = KeyedStatements(BioMetricReading.self)

    var recordKey: RecordKey { .instant(recorded) }

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), recorded: try row.decode(1, as: Instant.self))
    }
}
