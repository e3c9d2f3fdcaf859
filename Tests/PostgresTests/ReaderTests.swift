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
            // The database appears on the standby once its creation is replayed (later while
            // another test holds replay paused).
            try await PausedReplay(standbyPort: standbyPort).waitForReplay(of: try PausedReplay.writerPosition(try database.connect()))
            #expect(try session.run(.readOnly, Self.inRecovery))
            #expect(try session.transaction(readOnly: true, Self.inRecovery) == true)
            #expect(try session.transaction(readOnly: false, Self.inRecovery) == false)

            #expect(try database.sessionCount(applicationName: "reader_tests", port: standbyPort) == 1)
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

    struct Missing: Error {}

    @Test("a lagging standby (replay paused): a read presenting the write's position, or missing on the reader, is answered by the writer; a read without either may be stale")
    func readYourWrites() async throws {
        let standbyPort = try TestHelperServers.standbyPort()
        try await withTestDatabase { database in
            let writer = try database.connect()
            try writer.executeScript("CREATE TABLE notes (n int)")
            let replay = try PausedReplay(standbyPort: standbyPort)
            try await replay.waitForReplay(of: try PausedReplay.writerPosition(writer))
            let session = PostgresSession(settings: try Self.settings(database, readerPort: standbyPort))
            session.retriedOnWriter = { $0 is Missing }
            /// (rows in notes, answered by the reader)
            func count() throws -> (Int, Bool) {
                try session.run(.readOnly) { connection in
                    (try connection.execute("SELECT count(*) FROM notes").first!.decode(0, as: Int.self), try Self.inRecovery(connection))
                }
            }
            #expect(session.takeWritePosition() == nil)
            let position = try await replay.paused {
                try session.run(.readWrite) { try $0.execute("INSERT INTO notes VALUES (1)") }
                let position = try #require(session.takeWritePosition())
                #expect(session.takeWritePosition() == nil)
                // Without the token the lagging reader answers, without the row.
                let stale = try count()
                #expect(stale.0 == 0 && stale.1)
                // With it, the writer.
                session.requiredReplayPosition = position
                let current = try count()
                #expect(current.0 == 1 && !current.1)
                session.requiredReplayPosition = nil
                // A miss on the reader is asked again of the writer.
                let found = try session.run(.readOnly) { connection in
                    guard try connection.execute("SELECT count(*) FROM notes").first!.decode(0, as: Int.self) == 1 else { throw Missing() }
                    return try Self.inRecovery(connection)
                }
                #expect(found == false)
                return position
            }
            // Replayed: the reader answers the token again.
            try await replay.waitForReplay(of: position)
            session.requiredReplayPosition = position
            let caughtUp = try count()
            #expect(caughtUp.0 == 1 && caughtUp.1)
        }
    }

    @Test("WAL positions parse as pg_lsn prints them, and nothing else")
    func walPositionText() {
        #expect(WALPosition("0/16B3748")?.value == 0x16B_3748)
        #expect(WALPosition("1A/FF")?.description == "1A/FF")
        #expect(WALPosition("1a/ff")?.description == "1A/FF")
        for bad in ["", "/", "0/", "/0", "+1/0", "0/-1", "123456789/0", "0/0/0", "g/0", "0 /0"] {
            #expect(WALPosition(bad) == nil, "\(bad)")
        }
    }
}
