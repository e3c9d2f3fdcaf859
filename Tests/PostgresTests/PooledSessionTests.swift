import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

/// A session behind a transaction-pooling proxy keeps nothing on the server session.
@Suite("Pooled sessions (PgBouncer, transaction mode)", .tags(.database))
struct PooledSessionTests {
    static let double = PreparedStatement(name: "pooled_double", sql: "SELECT $1::bigint * 2")

    static func pooled(_ url: String) -> PostgresConfiguration {
        var configuration = PostgresConfiguration(connectionString: url, applicationName: "pooled")
        configuration.pooled = true
        return configuration
    }

    static func deadline(in milliseconds: Int64) -> Instant {
        Instant.now().adding(microseconds: milliseconds * 1000)
    }

    @Test("pooled: prepared statements run unnamed, and the timeout is SET LOCAL inside transactions only")
    func nothingLeftOnTheSession() async throws {
        try await withTestDatabase { database in
            // Directly to the server, so that the same backend can be asked what it holds.
            let session = PostgresSession(configuration: Self.pooled(database.url))
            let doubled = try session.run(.readOnly, deadline: Self.deadline(in: 5000)) {
                try $0.execute(Self.double, [21]).first!.decode(0, as: Int.self)
            }
            #expect(doubled == 42)
            let inside = try session.transaction(readOnly: true, deadline: Self.deadline(in: 5000)) {
                try $0.execute("SHOW statement_timeout").first!.decode(0, as: String.self)
            }
            #expect(inside == "4500ms")
            let state = try session.run(.readOnly) { connection in
                (try connection.execute("SELECT count(*) FROM pg_prepared_statements").first!.decode(0, as: Int.self),
                 try connection.execute("SHOW statement_timeout").first!.decode(0, as: String.self))
            }
            #expect(state.0 == 0)
            #expect(state.1 == "0")

            // The direct path still prepares by name and sets the session's timeout.
            let direct = PostgresSession(configuration: database.configuration())
            let directState = try direct.run(.readOnly, deadline: Self.deadline(in: 5000)) { connection in
                _ = try connection.execute(Self.double, [1])
                return (try connection.execute("SELECT count(*) FROM pg_prepared_statements").first!.decode(0, as: Int.self),
                        try connection.execute("SHOW statement_timeout").first!.decode(0, as: String.self))
            }
            #expect(directState.0 == 1 && directState.1 == "4500ms")
        }
    }

    @Test("through PgBouncer: interleaved sessions with statements, transactions and deadlines all succeed, on shared backends")
    func throughPgBouncer() async throws {
        let port = try TestHelperServers.poolerPort()
        try await withTestDatabase { database in
            try database.connect().executeScript("CREATE TABLE notes (n int)")
            let sessions = (0..<4).map { _ in PostgresSession(configuration: Self.pooled(database.url(port: port))) }
            var backends = Set<Int>()
            for round in 0..<10 {
                for (index, session) in sessions.enumerated() {
                    let n = round * 10 + index
                    try session.transaction(deadline: Self.deadline(in: 5000)) { connection in
                        try connection.execute("INSERT INTO notes VALUES ($1)", [n])
                    }
                    let found = try session.run(.readOnly, deadline: Self.deadline(in: 5000)) { connection in
                        (try connection.execute(Self.double, [n]).first!.decode(0, as: Int.self),
                         try connection.execute("SELECT pg_backend_pid()").first!.decode(0, as: Int.self))
                    }
                    #expect(found.0 == n * 2)
                    backends.insert(found.1)
                }
            }
            let count = try database.connect().execute("SELECT count(*) FROM notes").first!.decode(0, as: Int.self)
            #expect(count == 40)
            // Four client sessions, served sequentially: PgBouncer reuses its server sessions.
            #expect(backends.count < 4, "backends used: \(backends.count)")
        }
    }
}
