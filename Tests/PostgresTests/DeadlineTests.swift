import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime
#if canImport(Glibc)
import Glibc
#endif

/// The deadline is enforced on the client: a stalled server, a connect that never answers,
/// and a deadline from a clock that cannot be trusted.
@Suite("Client-side deadlines", .tags(.database))
struct DeadlineTests {
    static func deadline(in milliseconds: Int64) -> Instant {
        Instant.now().adding(microseconds: milliseconds * 1000)
    }

    static func elapsedMilliseconds(since start: Instant) -> Int64 {
        Instant.now().millisecondsSinceEpoch - start.millisecondsSinceEpoch
    }

    @Test("a stopped backend (kill -STOP): the unit ends before the deadline, and the next one reconnects")
    func stalledBackend() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration(), marginMilliseconds: 500)
            let pid = try session.open().backendPID
            #expect(kill(pid_t(pid), SIGSTOP) == 0)
            let start = Instant.now()
            let error: PostgresError?
            do {
                defer { kill(pid_t(pid), SIGCONT) }
                error = #expect(throws: PostgresError.self) {
                    try session.run(.readOnly, deadline: Self.deadline(in: 2000)) { try $0.execute("SELECT 1") }
                }
            }
            let elapsed = Self.elapsedMilliseconds(since: start)
            #expect(error?.code == .unavailable && error?.isTimeout == true && error?.connectionLost == true)
            #expect(error?.httpStatus == 503)
            // Given up after the server's share (1.5 s, the timeout rounded down) plus half the margin.
            #expect(elapsed >= 1400 && elapsed < 2000, "gave up after \(elapsed) ms")
            let next = try session.run(.readOnly, deadline: Self.deadline(in: 5000)) { connection in
                (connection.backendPID, try connection.execute("SELECT 1").first!.decode(0, as: Int.self))
            }
            #expect(next.0 != pid && next.1 == 1)
        }
    }

    @Test("a write to a stopped backend answers in time and says its outcome is unknown")
    func stalledWrite() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration(), marginMilliseconds: 500)
            let pid = try session.open().backendPID
            // The same rounded timeout as the write below, so no SET is sent to the stopped backend.
            try session.run(.readWrite, deadline: Self.deadline(in: 1600)) { try $0.executeScript("CREATE TABLE notes (body text)") }
            #expect(kill(pid_t(pid), SIGSTOP) == 0)
            let error: PostgresError?
            do {
                defer { kill(pid_t(pid), SIGCONT) }
                error = #expect(throws: PostgresError.self) {
                    try session.run(.readWrite, deadline: Self.deadline(in: 1600)) { try $0.execute("INSERT INTO notes VALUES ('x')") }
                }
            }
            #expect(error?.code == .unavailable && error?.outcomeUnknown == true)
        }
    }

    @Test("a connect to a server that never answers ends at the deadline, whatever connect_timeout says")
    func connectBoundedByDeadline() async throws {
        let listener = try TCPListener()
        defer { listener.close() }
        let configuration = PostgresConfiguration(
            connectionString: "postgresql://postgres@127.0.0.1:\(listener.port)/x", applicationName: "tests", connectTimeoutSeconds: 60
        )
        let session = PostgresSession(configuration: configuration, marginMilliseconds: 500)
        let start = Instant.now()
        let error = #expect(throws: PostgresError.self) {
            try session.run(.readOnly, deadline: Self.deadline(in: 1500)) { try $0.execute("SELECT 1") }
        }
        let elapsed = Self.elapsedMilliseconds(since: start)
        #expect(error?.code == .unavailable && error?.connectionLost == true)
        #expect(elapsed < 1500, "gave up after \(elapsed) ms")
    }

    @Test("a deadline far ahead (a skewed clock) gives statement_timeout the maximum, never more")
    func clampedTimeout() async throws {
        try await withTestDatabase { database in
            let show = { (connection: PostgresConnection) in try connection.execute("SHOW statement_timeout").first!.decode(0, as: String.self) }
            let lambdaMaximum = PostgresSession(configuration: database.configuration())
            // 394 days ahead, as a clock a year off gives.
            let skewed = try lambdaMaximum.run(.readOnly, deadline: Self.deadline(in: 34_078_608_250), show)
            #expect(skewed == "15min")
            let configured = PostgresSession(configuration: database.configuration(), maximumTimeoutMilliseconds: 3000)
            let hourAhead = try configured.run(.readOnly, deadline: Self.deadline(in: 3_600_000), show)
            #expect(hourAhead == "3s")
            #expect(try configured.statementTimeout(remainingMilliseconds: Int.max) == 3000)
        }
    }

    @Test("a failure of the session's own setup (class 22 from the timeout) is a 500, never the caller's 4xx")
    func setupFailureIsOurs() async throws {
        try await withTestDatabase { database in
            // No clamp to speak of: the server refuses the value (more than INT_MAX ms).
            let session = PostgresSession(configuration: database.configuration(), maximumTimeoutMilliseconds: Int.max)
            let error = #expect(throws: PostgresError.self) {
                try session.run(.readWrite, deadline: Self.deadline(in: 34_078_608_250)) { try $0.execute("SELECT 1") }
            }
            #expect(error?.sqlState?.hasPrefix("22") == true)
            #expect(error?.code != .invalid)
            #expect(error?.httpStatus == 500)
        }
    }
}
