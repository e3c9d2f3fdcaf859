/// Applies an ordered list of migrations, each version once, recorded in `schema_migrations`.
///
/// A run is one transaction under a transaction-scoped advisory lock: concurrent runners
/// queue on the lock, and the second finds the work done. Any failure rolls the whole run back.
public struct Migrator: Sendable {
    public let migrations: [Migration]
    /// Key of the advisory lock taken by every run (any fixed 64-bit number, used only here).
    public static let lockKey: Int64 = 0x4854_4D49_4752_0001

    public init(migrations: [Migration]) {
        precondition(!migrations.isEmpty, "no migrations")
        for (previous, next) in zip(migrations, migrations.dropFirst()) {
            precondition(previous.version < next.version, "migration versions must increase")
        }
        self.migrations = migrations
    }

    /// The version the code needs: the last migration's.
    public var requiredVersion: Int { migrations.last!.version }

    /// Applies the missing migrations; returns the versions this run applied (empty when
    /// another runner, or an earlier run, already did). `log` receives what the operator
    /// should know (why TimescaleDB was not used).
    @discardableResult
    public func migrate(
        _ connection: PostgresConnection, timescale: TimescaleMode = .whenAvailable, log: (String) -> Void = { _ in }
    ) throws -> [Int] {
        try connection.transaction { connection in
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [Migrator.lockKey])
            try connection.executeScript("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let current = try Migrator.currentVersion(connection)
            let pending = migrations.filter { $0.version > current }
            guard !pending.isEmpty else { return [] }
            let useTimescale = try Migrator.timescaleEnabled(
                connection, mode: timescale, needed: pending.contains { !$0.hypertables.isEmpty }, log: log)
            for migration in pending {
                try connection.executeScript(migration.sql)
                try migration.step?(connection)
                if useTimescale {
                    for hypertable in migration.hypertables {
                        try Migrator.makeHypertable(hypertable, connection)
                    }
                }
                try connection.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                    [migration.version, migration.name]
                )
            }
            return pending.map(\.version)
        }
    }

    /// The highest applied version; 0 when nothing was ever applied.
    public static func currentVersion(_ connection: PostgresConnection) throws(PostgresError) -> Int {
        let exists = try connection.execute("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard try exists.first?.decode(0, as: Bool.self) == true else { return 0 }
        let rows = try connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return try rows.first?.decode(0, as: Int.self) ?? 0
    }

    /// Throws `.schemaOutdated`, naming the missing versions, when the database is behind.
    /// A newer database is accepted: migrations only add.
    ///
    /// One round trip, on every cold start: it reads the version directly, and a database
    /// without the table (42P01) is at version 0. Call it outside a transaction, where that
    /// error aborts nothing (`currentVersion`, two round trips, is for inside one).
    public func checkSchema(_ connection: PostgresConnection) throws(PostgresError) {
        let current: Int
        do {
            current = try connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").first?.decode(0, as: Int.self) ?? 0
        } catch where error.sqlState == "42P01" {
            current = 0
        }
        let missing = migrations.filter { $0.version > current }
        guard !missing.isEmpty else { return }
        let names = missing.map { "\($0.version) (\($0.name))" }.joined(separator: ", ")
        throw PostgresError(
            code: .schemaOutdated,
            message: "database schema is at version \(current), this code needs version \(requiredVersion); missing migrations: \(names). Run the migrate command."
        )
    }

    // MARK: - TimescaleDB

    private static func timescaleEnabled(
        _ connection: PostgresConnection, mode: TimescaleMode, needed: Bool, log: (String) -> Void
    ) throws -> Bool {
        guard needed else { return false }
        switch mode {
        case .disabled:
            return false
        case .functionsPresent:
            return true
        case .whenAvailable, .required:
            guard let reason = try timescaleUnusable(connection) else { return true }
            if mode == .required {
                throw PostgresError(
                    code: .configuration, message: "\(TimescaleMode.environmentVariable)=require, but \(reason)")
            }
            log("TimescaleDB is not used: \(reason). The time-series tables are created as plain tables "
                + "(set \(TimescaleMode.environmentVariable)=require to fail instead).")
            return false
        }
    }

    /// Nil when TimescaleDB is usable: created in this database already, or created now. Else
    /// why not. Listed in `pg_available_extensions` only means its files are installed: without
    /// shared_preload_libraries, CREATE EXTENSION fails ("must be preloaded"), so it is tried
    /// under a savepoint and a failure leaves the run's transaction as it was.
    private static func timescaleUnusable(_ connection: PostgresConnection) throws(PostgresError) -> String? {
        let state = try connection.execute("""
            SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'),
                   EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'),
                   current_setting('shared_preload_libraries')
            """)
        guard let row = state.first else { return "the server did not say whether TimescaleDB is installed" }
        if try row.decode(0, as: Bool.self) { return nil }
        let preload = try row.decode(2, as: String.self)
        guard try row.decode(1, as: Bool.self) else {
            return "the timescaledb extension is not installed on the server (shared_preload_libraries = '\(preload)')"
        }
        try connection.executeScript("SAVEPOINT timescaledb_probe")
        do {
            try connection.executeScript("CREATE EXTENSION IF NOT EXISTS timescaledb")
        } catch where !error.connectionLost {
            try connection.executeScript("ROLLBACK TO SAVEPOINT timescaledb_probe")
            return "CREATE EXTENSION timescaledb failed (\(error.message)); the server's shared_preload_libraries "
                + "('\(preload)') must name timescaledb, which takes a restart"
        }
        try connection.executeScript("RELEASE SAVEPOINT timescaledb_probe")
        return nil
    }

    private static func makeHypertable(_ hypertable: Hypertable, _ connection: PostgresConnection) throws {
        // The table is new and empty in its own migration, but migrate_data keeps this
        // correct if a later migration converts an existing table. No default time index:
        // the (user_uuid, time) key serves every query.
        try connection.execute(
            """
            SELECT create_hypertable($1::regclass, $2::name, chunk_time_interval => $3::interval,
                                     create_default_indexes => false, if_not_exists => true, migrate_data => true)
            """,
            [hypertable.table, hypertable.timeColumn, hypertable.chunkInterval]
        )
        guard let compressAfter = hypertable.compressAfter else { return }
        let installed = try connection.execute("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')")
        guard try installed.first?.decode(0, as: Bool.self) == true else { return }
        // Table options cannot be parameters; these names come from the code, never from input.
        try connection.executeScript("""
            ALTER TABLE \(quoted(hypertable.table)) SET (
                timescaledb.compress,
                timescaledb.compress_segmentby = '\(hypertable.segmentBy)',
                timescaledb.compress_orderby = '\(hypertable.timeColumn) DESC')
            """)
        try connection.execute(
            "SELECT add_compression_policy($1::regclass, compress_after => $2::interval, if_not_exists => true)",
            [hypertable.table, compressAfter]
        )
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
