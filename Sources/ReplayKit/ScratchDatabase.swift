import FoundationEssentials
import HealthTracker
public import Postgres

/// A database of its own for one `replay run`, on the server `DATABASE_URL` names (an
/// admin URL to a throwaway cluster): created, migrated, emptied between files, dropped.
public struct ScratchDatabase: Sendable {
    public let name: String
    /// The URL the functions get as their DATABASE_URL.
    public let url: String
    private let adminURL: String

    public static func create(adminURL: String) throws -> ScratchDatabase {
        let name = "replay_" + UUID().uuidString.lowercased().replacing("-", with: "")
        let admin = try PostgresConnection(configuration: PostgresConfiguration(connectionString: adminURL, applicationName: "replay"))
        defer { admin.close() }
        // The name is made here from a UUID, never from input; CREATE DATABASE takes no parameters.
        try admin.executeScript("CREATE DATABASE \(name)")
        let database = ScratchDatabase(name: name, url: Self.url(adminURL, database: name), adminURL: adminURL)
        let connection = try database.connect()
        defer { connection.close() }
        _ = try HealthTrackerSchema.migrator.migrate(connection)
        return database
    }

    public func connect() throws -> PostgresConnection {
        try PostgresConnection(configuration: PostgresConfiguration(connectionString: url, applicationName: "replay"))
    }

    /// Empties every table but the migration record, then runs the seed scripts.
    public func reset(seed: [String]) throws {
        let connection = try connect()
        defer { connection.close() }
        let rows = try connection.execute(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1")
        var tables: [String] = []
        for row in rows { tables.append(try row.decode(0, as: String.self)) }
        if !tables.isEmpty { try connection.executeScript("TRUNCATE \(tables.joined(separator: ", ")) RESTART IDENTITY CASCADE") }
        for script in seed { try connection.executeScript(script) }
    }

    public func drop() throws {
        let admin = try PostgresConnection(configuration: PostgresConfiguration(connectionString: adminURL, applicationName: "replay"))
        defer { admin.close() }
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// The same server and credentials, another database: the path of a `postgresql://`
    /// URI replaced, or `dbname=` appended to a `key=value` string (the last one wins).
    static func url(_ adminURL: String, database: String) -> String {
        guard let scheme = adminURL.firstRange(of: "://") else { return adminURL + " dbname=" + database }
        let rest = adminURL[scheme.upperBound...]
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let authority = rest[..<queryStart]
        let hostEnd = authority.firstIndex(of: "/") ?? queryStart
        return String(adminURL[..<hostEnd]) + "/" + database + String(rest[queryStart...])
    }
}
