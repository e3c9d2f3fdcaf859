import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// The application role the functions connect as: rows of the five tables and the schema
/// version, nothing else.
@Suite("Application role: least privilege", .tags(.database))
struct ApplicationRoleTests {
    static func connectAsApplication(_ database: TestDatabase) throws -> PostgresConnection {
        try PostgresConnection(configuration: PostgresConfiguration(
            connectionString: database.url(user: HealthTrackerSchema.applicationRole), applicationName: "tests"
        ))
    }

    /// Runs `sql` and returns the SQLSTATE it failed with (nil: it succeeded).
    static func failure(_ connection: PostgresConnection, _ sql: String) -> String? {
        do {
            try connection.executeScript(sql)
            return nil
        } catch {
            return error.sqlState ?? "no sqlstate: \(error)"
        }
    }

    @Test("the role may log in and nothing else")
    func attributes() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let admin = try database.connect()
            let rows = try admin.execute(
                """
                SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolinherit, rolreplication, rolbypassrls
                FROM pg_roles WHERE rolname = $1
                """, [HealthTrackerSchema.applicationRole])
            let row = try #require(rows.first)
            #expect(try row.decode(0, as: Bool.self) == true)
            for column in 1...6 { #expect(try row.decode(column, as: Bool.self) == false, "column \(column)") }
            // No role membership: nothing inherited from elsewhere.
            let memberships = try admin.execute(
                "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1",
                [HealthTrackerSchema.applicationRole])
            #expect(try memberships.first?.decode(0, as: Int.self) == 0)
        }
    }

    @Test("rows of the five tables and the schema version: yes; DDL, other schemas, the version's rows: no")
    func privileges() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let admin = try database.connect()
            try admin.executeScript("CREATE SCHEMA other; CREATE TABLE other.secrets (x int); INSERT INTO other.secrets VALUES (1)")
            let app = try Self.connectAsApplication(database)

            // What the functions do.
            let user = UUID().uuidString.lowercased()
            try app.execute("INSERT INTO users (user_uuid, email, full_name) VALUES ($1::uuid, $2, 'Role Test')", [user, "role-\(user)@example.com"])
            try app.execute("UPDATE users SET full_name = 'Role Test 2' WHERE user_uuid = $1::uuid", [user])
            for table in HealthTrackerSchema.applicationTables {
                #expect(Self.failure(app, "SELECT count(*) FROM \(table)") == nil, "SELECT on \(table)")
            }
            #expect(try Migrator.currentVersion(app) == HealthTrackerSchema.requiredVersion)
            try HealthTrackerSchema.migrator.checkSchema(app)
            try app.execute("DELETE FROM users WHERE user_uuid = $1::uuid", [user])

            // insufficient_privilege (42501) or must-be-owner, which PostgreSQL also reports as 42501.
            let denied = "42501"
            #expect(Self.failure(app, "CREATE TABLE intruder (x int)") == denied)
            #expect(Self.failure(app, "DROP TABLE users") == denied)
            #expect(Self.failure(app, "ALTER TABLE users ADD COLUMN intruder int") == denied)
            #expect(Self.failure(app, "TRUNCATE users") == denied)
            #expect(Self.failure(app, "CREATE INDEX intruder ON users (full_name)") == denied)
            #expect(Self.failure(app, "CREATE SCHEMA intruder") == denied)
            #expect(Self.failure(app, "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'") == denied)
            #expect(Self.failure(app, "SELECT * FROM other.secrets") == denied)
            #expect(Self.failure(app, "INSERT INTO schema_migrations (version, name) VALUES (999, 'intruder')") == denied)
            #expect(Self.failure(app, "DELETE FROM schema_migrations") == denied)
            #expect(Self.failure(app, "ALTER ROLE \(HealthTrackerSchema.applicationRole) CREATEDB") == denied)
        }
    }
}
