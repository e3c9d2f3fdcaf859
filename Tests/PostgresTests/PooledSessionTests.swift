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

    // MARK: - A pooler without DATABASE_POOLED

    static let insertNote = PreparedStatement(name: "unpooled_insert_note", sql: "INSERT INTO notes VALUES ($1)")

    /// A session through PgBouncer without the switch that has inserted 1 into a new `notes`
    /// with `insertNote`, so the name is prepared on the backend it used.
    static func sessionWithPreparedInsert(_ database: TestDatabase, port: Int) throws -> (PostgresSession, String) {
        try database.connect().executeScript("CREATE TABLE notes (n int)")
        let url = database.url(port: port)
        let session = PostgresSession(configuration: PostgresConfiguration(connectionString: url, applicationName: "unpooled"))
        try session.transaction(deadline: Self.deadline(in: 5000)) { try $0.execute(Self.insertNote, [1]) }
        return (session, url)
    }

    /// "n:rows" for each value in `notes`, in order.
    static func noteCounts(_ database: TestDatabase) throws -> [String] {
        try database.connect().execute("SELECT n, count(*) FROM notes GROUP BY n ORDER BY n").map {
            "\(try $0.decode(0, as: Int.self)):\(try $0.decode(1, as: Int.self))"
        }
    }

    /// Holds one PgBouncer backend in an open transaction, so that the next statement of
    /// another client goes to a different backend (PgBouncer hands out the most recently
    /// released idle backend first, so without this the same one comes back).
    static func holdingBackend<T>(_ url: String, _ body: () throws -> T) throws -> T {
        let holder = try PostgresConnection(configuration: PostgresConfiguration(connectionString: url, applicationName: "holder"))
        defer { holder.close() }
        try holder.executeScript("BEGIN; SELECT 1")
        return try body()
    }

    @Test("through PgBouncer without the switch: a name already prepared by another client (42P05) switches to unnamed, reads and writes succeed, one warning")
    func nameAlreadyThere() async throws {
        let port = try TestHelperServers.poolerPort()
        try await withTestDatabase { database in
            try database.connect().executeScript("CREATE TABLE notes (n int)")
            let url = database.url(port: port)
            let first = PostgresSession(configuration: PostgresConfiguration(connectionString: url, applicationName: "unpooled-a"))
            let second = PostgresSession(configuration: PostgresConfiguration(connectionString: url, applicationName: "unpooled-b"))
            // The first prepares the name on the backend PgBouncer hands out; the second, run
            // next, gets that backend again and finds the name there.
            let once = try first.run(.readOnly, deadline: Self.deadline(in: 5000)) { try $0.execute(Self.double, [1]).first!.decode(0, as: Int.self) }
            #expect(once == 2)
            #expect(first.takeWarnings().isEmpty)
            let (doubled, switched) = try second.run(.readOnly, deadline: Self.deadline(in: 5000)) { connection in
                (try connection.execute(Self.double, [21]).first!.decode(0, as: Int.self), connection.unnamedStatements)
            }
            #expect(doubled == 42)
            #expect(switched)
            let warnings = second.takeWarnings()
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("DATABASE_POOLED=true") == true)
            // A write in a transaction on the switched session: exactly one row, no new warning.
            try second.transaction(deadline: Self.deadline(in: 5000)) { try $0.execute(Self.insertNote, [7]) }
            #expect(try database.connect().execute("SELECT count(*) FROM notes WHERE n = 7").first!.decode(0, as: Int.self) == 1)
            #expect(second.takeWarnings().isEmpty)
        }
    }

    @Test("through PgBouncer without the switch: a name missing on the next backend (26000) inside a transaction runs the unit again unnamed: one row")
    func nameMissingInTransaction() async throws {
        let port = try TestHelperServers.poolerPort()
        try await withTestDatabase { database in
            // Prepared on one backend...
            let (session, url) = try Self.sessionWithPreparedInsert(database, port: port)
            // ...which is then busy, so the next transaction gets another that lacks the name.
            try Self.holdingBackend(url) {
                var tries = 0
                try session.transaction(deadline: Self.deadline(in: 5000)) { connection in
                    tries += 1
                    try connection.execute(Self.insertNote, [2])
                }
                #expect(tries == 2)
            }
            let counts = try Self.noteCounts(database)
            #expect(counts == ["1:1", "2:1"])
            #expect(session.takeWarnings().count == 1)
            // Later connections to the same server start unnamed.
            session.close()
            #expect(try session.run(.readOnly) { $0.unnamedStatements })
        }
    }

    @Test("through PgBouncer without the switch: a unit that committed before the name went missing is not run again (503, one row each)")
    func neverWritesTwice() async throws {
        let port = try TestHelperServers.poolerPort()
        try await withTestDatabase { database in
            let (session, url) = try Self.sessionWithPreparedInsert(database, port: port)
            var tries = 0
            let thrown = try Self.holdingBackend(url) {
                #expect(throws: PostgresError.self) {
                    try session.run(.readWrite, deadline: Self.deadline(in: 5000)) { connection in
                        tries += 1
                        try connection.execute("INSERT INTO notes VALUES (2)")  // commits on its own
                        try connection.transaction { try $0.execute(Self.insertNote, [3]) }
                    }
                }
            }
            #expect(tries == 1)
            #expect(thrown?.code == .unavailable)
            #expect(thrown?.outcomeUnknown == false)
            let counts = try Self.noteCounts(database)
            #expect(counts == ["1:1", "2:1"])
        }
    }
}
