import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// TimescaleDB cannot be installed here: a stand-in `create_hypertable` with the real
/// function's parameter names records its calls instead.
@Suite("TimescaleDB branch of the migration", .tags(.database))
struct TimescaleTests {
    static let standIn = """
        CREATE TABLE hypertable_calls (
            relation text, time_column_name name, chunk_time_interval interval,
            create_default_indexes boolean, if_not_exists boolean, migrate_data boolean);
        CREATE FUNCTION create_hypertable(
            relation regclass, time_column_name name, chunk_time_interval anyelement,
            create_default_indexes boolean DEFAULT true, if_not_exists boolean DEFAULT false,
            migrate_data boolean DEFAULT false) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO hypertable_calls VALUES (relation::text, time_column_name, chunk_time_interval,
                create_default_indexes, if_not_exists, migrate_data);
        END $$;
        """

    @Test("with the hypertable functions present, each time-series table becomes a hypertable on its key's time column")
    func makesHypertables() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            try connection.executeScript(Self.standIn)
            #expect(try HealthTrackerSchema.migrator.migrate(connection, timescale: .functionsPresent) == HealthTrackerSchema.migrations.map(\.version))
            let calls = try connection.execute("""
                SELECT relation, time_column_name::text, chunk_time_interval::text, create_default_indexes, if_not_exists, migrate_data
                FROM hypertable_calls ORDER BY relation
                """).map { row in
                "\(try row.decode(0, as: String.self)) \(try row.decode(1, as: String.self)) \(try row.decode(2, as: String.self)) \(try row.decode(3, as: Bool.self)) \(try row.decode(4, as: Bool.self)) \(try row.decode(5, as: Bool.self))"
            }
            #expect(calls == [
                "bio_metrics recorded 30 days false true true",
                "blood_tests test_date 180 days false true true",
                "physical_activity date 30 days false true true",
                "sleep_activity date 30 days false true true",
            ])
            // Each table's unique key holds its time column, as TimescaleDB requires.
            for call in calls {
                let parts = call.split(separator: " ")
                let key = try connection.execute(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = $1", [parts[0] + "_pkey"]
                ).first!.decode(0, as: String.self)
                #expect(key == "PRIMARY KEY (user_uuid, \(parts[1]))")
            }
        }
    }

    @Test("on plain PostgreSQL (no timescaledb available) the migration does nothing more")
    func plainPostgres() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let available = try connection.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'")
            try #require(try available.first!.decode(0, as: Int.self) == 0, "this test needs a server without TimescaleDB")
            try connection.executeScript(Self.standIn)
            #expect(try HealthTrackerSchema.migrator.migrate(connection, timescale: .whenAvailable) == HealthTrackerSchema.migrations.map(\.version))
            #expect(try connection.execute("SELECT count(*) FROM hypertable_calls").first!.decode(0, as: Int.self) == 0)
            #expect(try connection.execute("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'").first!.decode(0, as: Int.self) == 0)
        }
    }
}
