import Foundation
@testable import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// Read-only units on a reader (a real hot standby), writes on the writer, and the writer
/// answering reads when the reader cannot be reached.
@Suite("Reader connection", .tags(.database))
struct ReaderTests {
    static func settings(_ database: TestDatabase, readerPort: Int) throws -> DatabaseSettings {
        try DatabaseSettings.fromEnvironment([
            "DATABASE_URL": database.url, "DATABASE_READER_HOST": "127.0.0.1", "DATABASE_READER_PORT": String(readerPort),
        ], applicationName: "reader_tests")
    }

    static func inRecovery(_ connection: PostgresConnection) throws -> Bool {
        try connection.execute("SELECT pg_is_in_recovery()").first!.decode(0, as: Bool.self)
    }

    @Test("read-only units and read-only transactions run on the standby; writes on the writer")
    func routesReads() async throws {
        let standbyPort = try TestHelperServers.standbyPort()
        try await withTestDatabase { database in
            let session = PostgresSession(settings: try Self.settings(database, readerPort: standbyPort))
            #expect(session.hasReader)
            #expect(try session.run(.readWrite, Self.inRecovery) == false)
            // The database appears on the standby once its creation is replayed.
            var onReader = false
            for _ in 0..<100 {
                onReader = try session.run(.readOnly, Self.inRecovery)
                if onReader { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(onReader)
            #expect(try session.transaction(readOnly: true, Self.inRecovery) == true)
            #expect(try session.transaction(readOnly: false, Self.inRecovery) == false)

            let standby = try PostgresConnection(configuration: try TestCluster.adminConfiguration().appending([(key: "port", value: String(standbyPort))]))
            let seen = try standby.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'reader_tests'", [database.name]
            ).first!.decode(0, as: Int.self)
            #expect(seen == 1)
        }
    }

    @Test("an unreachable reader: reads go to the writer, without an error")
    func fallsBackToWriter() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(settings: try Self.settings(database, readerPort: try TCPListener.closedPort()))
            #expect(try session.run(.readOnly, Self.inRecovery) == false)
            // A read-only transaction falls back the same way.
            #expect(try session.transaction(readOnly: true, Self.inRecovery) == false)
        }
    }
}
