import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

@Suite("A connect begun at init (PostgresSession.startConnecting)", .tags(.database))
struct StartConnectingTests {
    @Test("the first unit finishes the connect begun earlier: the server saw the backend start before the unit ran")
    func finishesBegunConnect() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration())
            let begun = Instant.now()
            session.startConnecting()
            // Long enough for the server to fork the backend; the unit starts after it.
            try await Task.sleep(for: .milliseconds(300))
            let unitStart = Instant.now()
            let startedMicroseconds = try session.run(.readOnly) { connection in
                try connection.execute(
                    "SELECT (extract(epoch FROM backend_start) * 1000000)::bigint FROM pg_stat_activity WHERE pid = pg_backend_pid()"
                ).first!.decode(0, as: Int.self)
            }
            #expect(Int64(startedMicroseconds) < unitStart.microsecondsSinceEpoch)
            #expect(Int64(startedMicroseconds) >= begun.microsecondsSinceEpoch - 1_000_000)
        }
    }

    @Test("a database that is down never fails startConnecting; the first unit answers unavailable (503), and the next one connects afresh")
    func unreachable() throws {
        let port = try TCPListener.closedPort()
        let session = PostgresSession(configuration: PostgresConfiguration(
            connectionString: "postgresql://postgres@127.0.0.1:\(port)/postgres", applicationName: "tests"
        ))
        session.startConnecting()
        let error = #expect(throws: PostgresError.self) { try session.run(.readOnly) { _ in 1 } }
        #expect(error?.code == .unavailable && error?.httpStatus == 503)
        let again = #expect(throws: PostgresError.self) { try session.run(.readOnly) { _ in 1 } }
        #expect(again?.code == .unavailable)
    }
}
