import Essentials
import Foundation
import HealthScore
import LambdaHTTP
import HealthTracker
import Postgres
import PostgresTestSupport
import ScoreTestSupport
import Synchronization
import TestTags
import Testing
import UTCTime

/// Same data → same document: whatever order the records were written in, and while other
/// transactions write (one snapshot per score, never a mix of old and new).
@Suite("Score consistency: write order and concurrent writes", .apiHarness, .tags(.database))
struct ScoreConsistencyTests {
    static let asOf = "2025-06-15T12:00:00Z"

    /// Case 01 of `docs/health-score-cases.json`: records in all 7 components.
    static func case01() throws -> JSONValue {
        try #require(ScoreCaseFile.cases.first { $0["name"]?.stringValue?.hasPrefix("01_") == true })
    }

    /// Seeds case 01's records for a new user in the given order of its record POSTs.
    static func seed(_ testCase: JSONValue, order: [Int]? = nil, connection: PostgresConnection) throws -> String {
        let calls = try #require(testCase["input"]?.arrayValue)
        var variables = ["run_id": UUID().uuidString.lowercased()]
        try CaseSeeder.seed(calls[0].substituting(variables), connection: connection, variables: &variables)
        let records = Array(calls.dropFirst().dropLast())
        for index in order ?? Array(records.indices) {
            try CaseSeeder.seed(records[index].substituting(variables), connection: connection, variables: &variables)
        }
        return try #require(variables["user_uuid"])
    }

    @Test("the same records written in different orders give byte-identical documents")
    func writeOrder() async throws {
        let testCase = try Self.case01()
        let api = try APITestHarness.require()
        let connection = try api.connect()
        defer { connection.close() }
        let count = try #require(testCase["input"]?.arrayValue).count - 2
        var generator = SplitMix(seed: 42)
        var orders: [[Int]] = [Array(0..<count), Array((0..<count).reversed())]
        for _ in 0..<3 { orders.append(Array(0..<count).shuffled(using: &generator)) }
        var documents: [String] = []
        for order in orders {
            let user = try Self.seed(testCase, order: order, connection: connection)
            let response = try await api.score(userUUID: user, asOf: Self.asOf)
            #expect(response.status == 200)
            // The only difference allowed: whose score it is.
            documents.append(response.text.replacingOccurrences(of: user, with: "USER"))
        }
        #expect(Set(documents).count == 1, "\(documents)")
        #expect(documents[0].contains("\"score\":85.4"))
    }

    /// One write touching three tables that the score reads with separate statements:
    /// BP readings, blood tests and activity days move together.
    static func toggle(_ connection: PostgresConnection, user: String, up: Bool) throws {
        let step = up ? 10 : -10
        try connection.transaction { connection in
            try connection.execute(
                "UPDATE bio_metrics SET systolic_bp_mmhg = systolic_bp_mmhg + $2 WHERE user_uuid = $1 AND systolic_bp_mmhg IS NOT NULL",
                [user, step])
            try connection.execute(
                "UPDATE blood_tests SET fasting_glucose_mg_dl = fasting_glucose_mg_dl + $2 WHERE user_uuid = $1 AND fasting_glucose_mg_dl IS NOT NULL",
                [user, step])
            try connection.execute("UPDATE physical_activity SET steps = steps + $2 WHERE user_uuid = $1", [user, step * 100])
        }
    }

    /// Runs `reads` scores while a thread keeps toggling the data, and checks every document
    /// is the before or the after document.
    static func checkUnderWrites(
        database url: String, user: String, reads: Int, score: () async throws -> String
    ) async throws {
        let before = try await score()
        let writer = try PostgresConnection(configuration: PostgresConfiguration(connectionString: url, applicationName: "writer"))
        try toggle(writer, user: user, up: true)
        let after = try await score()
        try toggle(writer, user: user, up: false)
        try #require(before != after)
        #expect(try await score() == before)

        let stop = StopFlag()
        let writes = try #require(SystemThread {
            Result { () throws -> Int in
                let connection = try PostgresConnection(configuration: PostgresConfiguration(connectionString: url, applicationName: "writer"))
                var count = 0
                var up = true
                while !stop.value.load(ordering: .acquiring) || !up {
                    try toggle(connection, user: user, up: up)
                    up.toggle()
                    count += 1
                }
                return count
            }
        })
        var seen: [String: Int] = [:]
        for _ in 0..<reads {
            let document = try await score()
            let label = document == before ? "before" : document == after ? "after" : "mixed"
            seen[label, default: 0] += 1
            if label == "mixed" { Issue.record("a score mixed old and new data: \(document)") }
        }
        stop.value.store(true, ordering: .releasing)
        let toggles = try writes.join().get()
        #expect(toggles > 0)
        #expect(seen["mixed"] == nil, "\(seen)")
    }

    @Test("scores through the function while another transaction writes: each is the before or the after document")
    func concurrentWritesThroughAPI() async throws {
        let testCase = try Self.case01()
        let api = try APITestHarness.require()
        let connection = try api.connect()
        defer { connection.close() }
        let user = try Self.seed(testCase, connection: connection)
        try await Self.checkUnderWrites(database: api.database.url, user: user, reads: 150) {
            let response = try await api.score(userUUID: user, asOf: Self.asOf)
            #expect(response.status == 200)
            return response.text
        }
    }

    @Test("the store and engine in process under concurrent writes, many times")
    func concurrentWritesInProcess() async throws {
        let testCase = try Self.case01()
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let user = try Self.seed(testCase, connection: try database.connect())
            let session = PostgresSession(configuration: database.configuration(applicationName: "health_score"))
            let uuid = try #require(UUID(uuidString: user))
            let asOf = try #require(Instant(rfc3339: Self.asOf))
            try await Self.checkUnderWrites(database: database.url, user: user, reads: 1500) {
                let inputs = try #require(try ScoreDataStore.load(userUUID: uuid, asOf: asOf, session: session))
                return try HealthScoreEngine.evaluate(inputs).jsonText()
            }
            session.close()
        }
    }
}

final class StopFlag: Sendable {
    let value = Atomic<Bool>(false)
}
