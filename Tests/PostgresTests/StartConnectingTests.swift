import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

@Suite("A connect begun at init (PostgresSession.startConnecting)", .tags(.database))
struct StartConnectingTests {
    @Test("startConnecting returns at once, with the TCP connection already made to a server that has not answered")
    func beginsWithoutWaiting() throws {
        let listener = try TCPListener()
        defer { listener.close() }
        let session = PostgresSession(configuration: PostgresConfiguration(
            connectionString: "postgresql://postgres@127.0.0.1:\(listener.port)/postgres?sslmode=disable", applicationName: "tests"
        ))
        // The listener never answers: a connect that waited for the server would never return.
        session.startConnecting()
        #expect(listener.clientConnected(within: 5000))
        session.close()
    }

    @Test("the first unit finishes the connect begun earlier, over TLS verify-full too")
    func finishesBegunConnect() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration())
            session.startConnecting()
            let one = try session.run(.readOnly) { try $0.execute("SELECT 1").first!.decode(0, as: Int.self) }
            #expect(one == 1)
        }
        let cluster = try TLSTestCluster.shared()
        let session = PostgresSession(configuration: cluster.adminConfiguration)
        session.startConnecting()
        let ssl = try session.run(.readOnly) {
            try $0.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first!.decode(0, as: Bool.self)
        }
        #expect(ssl)
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
