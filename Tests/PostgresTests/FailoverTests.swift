import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// What a failover shows a function: a server that no longer takes writes (25006). Backends
/// ended by the server (57P01) are in SessionTests.
@Suite("Failover", .tags(.database))
struct FailoverTests {
    @Test("25006 (connected to a server that is no longer the writer): 503, the connection is dropped, the next unit reconnects")
    func readOnlyServer() async throws {
        try await withTestDatabase { database in
            let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
            let setup = try database.connect()
            try setup.executeScript("CREATE TABLE notes (body text)")
            // New sessions of this database cannot write: a writer demoted under its name.
            try admin.executeScript("ALTER DATABASE \(database.name) SET default_transaction_read_only = on")
            let session = PostgresSession(configuration: database.configuration())
            let pid = try session.open().backendPID
            var attempts = 0
            let error = #expect(throws: PostgresError.self) {
                try session.run(.readWrite) { connection in
                    attempts += 1
                    try connection.execute("INSERT INTO notes VALUES ('x')")
                }
            }
            #expect(attempts == 1)
            #expect(error?.sqlState == "25006" && error?.code == .unavailable && error?.httpStatus == 503)
            #expect(error?.requiresReconnect == true)

            // The new writer takes the name over.
            try admin.executeScript("ALTER DATABASE \(database.name) RESET default_transaction_read_only")
            let after = try session.run(.readWrite) { connection in
                (connection.backendPID, try connection.execute("INSERT INTO notes VALUES ('y')").affectedRows)
            }
            #expect(after.0 != pid && after.1 == 1)
        }
    }
}
