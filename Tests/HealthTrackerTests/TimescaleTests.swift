import APIGatewayTesting
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

    // MARK: - Installed but not preloaded

    /// The `replay` binary's `migrate` against `url`, with only the variables given.
    static func replayMigrate(url: String, timescale: String?) throws -> (status: Int32, errorOutput: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BuiltProducts.path("replay"), "build the package first (swift build --build-tests)"))
        process.arguments = ["migrate"]
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "DATABASE_URL": url]
        if let timescale { environment["TIMESCALEDB"] = timescale }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    static func plainTables(_ connection: PostgresConnection) throws -> [String] {
        try connection.execute("""
            SELECT relname::text FROM pg_class
            WHERE relname IN ('bio_metrics', 'blood_tests', 'physical_activity', 'sleep_activity') AND relkind = 'r'
            ORDER BY 1
            """).map { try $0.decode(0, as: String.self) }
    }

    @Test("TimescaleDB installed but not preloaded: the migration falls back to plain tables naming shared_preload_libraries, TIMESCALEDB=require fails clearly (in process and through replay migrate)")
    func installedButNotPreloaded() async throws {
        let server = try TimescaleStandInServer.start()
        defer { server.stop() }
        let admin = try PostgresConnection(configuration: PostgresConfiguration(connectionString: server.adminURL, applicationName: "tests"))
        defer { admin.close() }
        for name in ["fallback", "required", "binary_fallback", "binary_required"] {
            try admin.executeScript("CREATE DATABASE \(name)")
        }
        // The stand-in is what the old check took for usable: listed as available.
        let listed = try admin.execute("SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'")
        try #require(try listed.first!.decode(0, as: Int.self) == 1)

        // In process: every migration applied, plain tables, the reason logged once.
        let fallback = try PostgresConnection(configuration: PostgresConfiguration(connectionString: server.url(database: "fallback"), applicationName: "tests"))
        defer { fallback.close() }
        var notes: [String] = []
        let applied = try HealthTrackerSchema.migrator.migrate(fallback, timescale: try TimescaleMode(environment: [:])) { notes.append($0) }
        #expect(applied == HealthTrackerSchema.migrations.map(\.version))
        #expect(try Self.plainTables(fallback) == ["bio_metrics", "blood_tests", "physical_activity", "sleep_activity"])
        #expect(try fallback.execute("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'").first!.decode(0, as: Int.self) == 0)
        #expect(notes.count == 1)
        #expect(notes.first?.contains("must be preloaded") == true)
        #expect(notes.first?.contains("shared_preload_libraries") == true)

        // TIMESCALEDB=require: a configuration error saying why, and nothing applied.
        let required = try PostgresConnection(configuration: PostgresConfiguration(connectionString: server.url(database: "required"), applicationName: "tests"))
        defer { required.close() }
        let failure = try #require(throws: PostgresError.self) {
            try HealthTrackerSchema.migrator.migrate(required, timescale: try TimescaleMode(environment: ["TIMESCALEDB": "require"]))
        }
        #expect(failure.code == .configuration)
        #expect(failure.message.contains("TIMESCALEDB=require") && failure.message.contains("shared_preload_libraries"))
        #expect(try Migrator.currentVersion(required) == 0)

        // The real binary, as an operator runs it.
        let binaryFallback = try Self.replayMigrate(url: server.url(database: "binary_fallback"), timescale: nil)
        #expect(binaryFallback.status == 0, "\(binaryFallback.errorOutput)")
        #expect(binaryFallback.errorOutput.contains("shared_preload_libraries"))
        let binaryRequired = try Self.replayMigrate(url: server.url(database: "binary_required"), timescale: "require")
        #expect(binaryRequired.status != 0)
        #expect(binaryRequired.errorOutput.contains("TIMESCALEDB=require"), "\(binaryRequired.errorOutput)")
        let check = try PostgresConnection(configuration: PostgresConfiguration(connectionString: server.url(database: "binary_required"), applicationName: "tests"))
        defer { check.close() }
        #expect(try Migrator.currentVersion(check) == 0)
    }

    @Test("TIMESCALEDB accepts auto, require and off, and rejects anything else")
    func modeSetting() throws {
        #expect(try TimescaleMode(environment: [:]) == .whenAvailable)
        #expect(try TimescaleMode(environment: ["TIMESCALEDB": "auto"]) == .whenAvailable)
        #expect(try TimescaleMode(environment: ["TIMESCALEDB": "require"]) == .required)
        #expect(try TimescaleMode(environment: ["TIMESCALEDB": "off"]) == .disabled)
        #expect(throws: PostgresError.self) { try TimescaleMode(environment: ["TIMESCALEDB": "yes please"]) }
    }
}
