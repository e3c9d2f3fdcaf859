import Essentials
import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("Migrations: versioned, forward-only, one transaction under a lock", .tags(.database))
struct MigratorTests {
    static let migrations = [
        Migration(version: 1, name: "create_a", sql: "CREATE TABLE a (id int PRIMARY KEY)"),
        // Slow enough that a second runner starting meanwhile waits on the lock.
        Migration(version: 2, name: "create_b", sql: "SELECT pg_sleep(0.5); CREATE TABLE b (id int)"),
        Migration(version: 5, name: "index_b", sql: "CREATE INDEX b_id ON b (id)"),
    ]

    @Test("applies what is missing, records it, and finds nothing to do the second time")
    func appliesOnce() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            #expect(try Migrator.currentVersion(connection) == 0)
            #expect(try Migrator(migrations: Array(Self.migrations.prefix(1))).migrate(connection) == [1])
            #expect(try Migrator(migrations: Self.migrations).migrate(connection) == [2, 5])
            #expect(try Migrator(migrations: Self.migrations).migrate(connection) == [])
            let rows = try connection.execute("SELECT version, name FROM schema_migrations ORDER BY version")
            #expect(try rows.map { try $0.decode(0, as: Int.self) } == [1, 2, 5])
            #expect(try rows.map { try $0.decode(1, as: String.self) } == ["create_a", "create_b", "index_b"])
        }
    }

    @Test("two migrators at once: one applies, the other waits and finds the work done")
    func concurrentMigrators() async throws {
        try await withTestDatabase { database in
            // Both connect, then both start migrating together.
            let ready = DispatchSemaphore(value: 0)
            let go = DispatchSemaphore(value: 0)
            let runners = try (0..<2).map { _ in
                try #require(SystemThread {
                    Result { () throws -> [Int] in
                        let connection = try database.connect()
                        ready.signal()
                        go.wait()
                        return try Migrator(migrations: Self.migrations).migrate(connection)
                    }
                })
            }
            ready.wait()
            ready.wait()
            go.signal()
            go.signal()
            let results = try runners.map { try $0.join().get() }.sorted { $0.count < $1.count }
            #expect(results == [[], [1, 2, 5]])
            let connection = try database.connect()
            #expect(try Migrator.currentVersion(connection) == 5)
            #expect(try connection.execute("SELECT count(*) FROM schema_migrations").first!.decode(0, as: Int.self) == 3)
        }
    }

    @Test("a failing migration rolls the whole run back")
    func failureRollsBack() async throws {
        try await withTestDatabase { database in
            let connection = try database.connect()
            let broken = Self.migrations.prefix(1) + [Migration(version: 2, name: "broken", sql: "CREATE TABLE c (id int); SELECT nope")]
            let error = try #require(throws: PostgresError.self) { try Migrator(migrations: Array(broken)).migrate(connection) }
            #expect(error.code == .badQuery)
            #expect(!connection.isInTransaction)
            #expect(try Migrator.currentVersion(connection) == 0)
            #expect(try connection.execute("SELECT to_regclass('a') IS NULL").first!.decode(0, as: Bool.self))
        }
    }
}
