import Foundation
public import Postgres

/// A database of its own for one test, on the test cluster, so tests run in parallel.
public struct TestDatabase: Sendable {
    public let name: String
    /// A `postgresql://` URL for it, as DATABASE_URL would hold.
    public let url: String

    /// A configuration for it, with `applicationName` as a function would set it.
    public func configuration(applicationName: String = "tests") -> PostgresConfiguration {
        PostgresConfiguration(connectionString: url, applicationName: applicationName)
    }

    /// The same database through another server on loopback (PgBouncer, the standby).
    public func url(port: Int) -> String {
        var components = URLComponents(string: url)!
        components.port = port
        return components.string!
    }

    public func connect(applicationName: String = "tests") throws -> PostgresConnection {
        try PostgresConnection(configuration: configuration(applicationName: applicationName))
    }

    /// How many sessions named `applicationName` this database has on the server at `port`
    /// (the standby, say): where a function's reads went.
    public func sessionCount(applicationName: String, port: Int) throws -> Int {
        let observer = try PostgresConnection(configuration: PostgresConfiguration(connectionString: url(port: port), applicationName: "observer"))
        return try observer.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2", [name, applicationName]
        ).first!.decode(0, as: Int.self)
    }

    /// The URL as another user would connect (the test cluster trusts loopback, so no
    /// password): the application role, say.
    public func url(user: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.user = user
        components.password = nil
        return components.string ?? url
    }

    /// Creates an empty database, migrated with `migrations` when given.
    public static func create(migrations: [Migration]? = nil) throws -> TestDatabase {
        let adminURL = try TestCluster.adminURL()
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
        // The name is made here from a UUID, never from input; CREATE DATABASE takes no parameters.
        try admin.executeScript("CREATE DATABASE \(name)")
        guard var components = URLComponents(string: adminURL) else {
            throw TestCluster.Unavailable(description: "TEST_DATABASE_URL must be a postgresql:// URI")
        }
        components.path = "/" + name
        let database = TestDatabase(name: name, url: components.string!)
        if let migrations {
            let connection = try database.connect()
            try Migrator(migrations: migrations).migrate(connection)
        }
        return database
    }

    /// Drops the database, ending any session still connected to it.
    public func drop() throws {
        let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

/// Runs `body` with a fresh database that is dropped afterwards, whatever `body` does.
public func withTestDatabase<T>(
    migrations: [Migration]? = nil, _ body: (TestDatabase) async throws -> T
) async throws -> T {
    let database = try TestDatabase.create(migrations: migrations)
    do {
        let value = try await body(database)
        try database.drop()
        return value
    } catch {
        try? database.drop()
        throw error
    }
}
