import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("Workers' sessions share one bounded pool", .tags(.database))
struct SessionPoolTests {
    @Test("a unit holds a connection only while it runs; workers' sessions share them, never more than the bound")
    func boundedAndShared() async throws {
        try await withTestDatabase { database in
            let first = PostgresSession(configuration: database.configuration(applicationName: "pooled"), maximumConnections: 2)
            let second = first.forWorker()
            let third = first.forWorker()
            #expect(first.openConnections.writer == 0)

            // Sequential units on different workers reuse one connection.
            let pidA = try first.run(.readOnly) { $0.backendPID }
            let pidB = try second.run(.readOnly) { $0.backendPID }
            #expect(pidA == pidB)
            #expect(first.openConnections.writer == 1)

            // Units at the same time each hold their own; one more than the bound is refused, not queued forever.
            let (outer, inner, refused) = try first.run(.readWrite) { outer in
                try second.run(.readWrite) { inner in
                    let refused = #expect(throws: PostgresError.self) { try third.run(.readOnly) { _ in 0 } }
                    return (outer.backendPID, inner.backendPID, refused)
                }
            }
            #expect(outer != inner)
            #expect(refused?.code == .unavailable && refused?.sqlState == "53300")
            #expect(first.openConnections.writer == 2)
            let backends = try database.connect(applicationName: "observer").execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'pooled'", [database.name]
            ).first!.decode(0, as: Int.self)
            #expect(backends == 2)

            // Each worker's database time is its own.
            _ = first.takeDatabaseTime()
            _ = second.takeDatabaseTime()
            try third.run(.readOnly) { try $0.execute("SELECT pg_sleep(0.05)") }
            #expect(third.takeDatabaseTime() >= .milliseconds(50))
            #expect(first.takeDatabaseTime() == .zero)

            // Closing (as on SIGTERM) ends every idle connection; the next unit opens one again.
            first.close()
            #expect(first.openConnections.writer == 0)
            #expect(try second.run(.readOnly) { try $0.execute("SELECT 1").first!.decode(0, as: Int.self) } == 1)
            #expect(first.openConnections.writer == 1)
        }
    }
}
