import Foundation
import HealthScore
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

/// The score's reads: each one an index range read with a bound on its rows.
@Suite("Score store: indexed, bounded reads", .tags(.database))
struct ScoreStoreTests {
    @Test("every arm of the score read is served by the index made for it, never a scan of the table")
    func plans() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let connection = try database.connect()
            try connection.execute("SET enable_seqscan = off")
            let user = UUID()
            let asOf = try #require(Instant(rfc3339: "2025-06-15T12:00:00Z"))
            let windows = ScoreWindows(asOf: asOf)
            let parameters: [any PostgresEncodable] = [
                user, windows.bloodTests.lowerBound, windows.bloodTests.upperBound, windows.bioMetrics.lowerBound, asOf,
                windows.physicalActivity.lowerBound, windows.physicalActivity.upperBound,
            ]
            let plan = try connection.execute("EXPLAIN " + ScoreDataStore.Statements.scoreRecords.sql, parameters)
                .map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
            let indexes = [
                "users_pkey", "blood_tests_pkey", "bio_metrics_weight_idx", "bio_metrics_blood_pressure_idx",
                "bio_metrics_resting_heart_rate_idx", "bio_metrics_height_idx", "physical_activity_pkey", "sleep_activity_pkey",
            ]
            for index in indexes { #expect(plan.contains(index), "\(index)\n\(plan)") }
            #expect(!plan.contains("Seq Scan"), "\(plan)")
        }
    }

    @Test("bio-metrics reads stop at their LIMIT however many readings the window holds")
    func boundedBioReads() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let connection = try database.connect()
            let user = UUID().uuidString.lowercased()
            try connection.execute("INSERT INTO users (user_uuid, email, full_name) VALUES ($1, 'b@example.com', 'B')", [user])
            // A reading every 10 minutes for 90 days: 12,960 in the window, 3 of them wanted.
            try connection.execute("""
                INSERT INTO bio_metrics (user_uuid, recorded, weight_kg, systolic_bp_mmhg, diastolic_bp_mmhg, resting_heart_rate_bpm)
                SELECT $1, TIMESTAMPTZ '2025-06-15T12:00:00Z' - n * INTERVAL '10 minutes', 70 + n % 7, 120, 80, 60 + n % 5
                FROM generate_series(0, 12959) n
                """, [user])
            try connection.execute("INSERT INTO bio_metrics (user_uuid, recorded, height_cm) VALUES ($1, '2001-01-01T00:00:00Z', 180)", [user])
            try connection.execute("ANALYZE bio_metrics")
            let asOf = try #require(Instant(rfc3339: "2025-06-15T12:00:00Z"))
            let start = ScoreWindows(asOf: asOf).bioMetrics.lowerBound
            let windows = ScoreWindows(asOf: asOf)
            let plan = try connection.execute(
                "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + ScoreDataStore.Statements.scoreRecords.sql,
                [user, windows.bloodTests.lowerBound, windows.bloodTests.upperBound, start, asOf,
                 windows.physicalActivity.lowerBound, windows.physicalActivity.upperBound]
            ).map { try $0.decode(0, as: String.self) }
            let scans = plan.filter { $0.contains("Index Scan using bio_metrics") }
            #expect(scans.count == 4, "\(plan.joined(separator: "\n"))")
            for scan in scans {
                // `actual rows=N loops=1` on each index scan: never more than its LIMIT.
                let rows = try #require(scan.split(separator: "rows=").last.flatMap { Int($0.prefix { $0.isNumber }) })
                #expect(rows <= 3, "\(scan)")
            }
            let uuid = try #require(UUID(uuidString: user))
            let inputs = try #require(try ScoreDataStore.read(userUUID: uuid, asOf: asOf, connection: connection))
            // The latest weight, the 3 latest BP and RHR readings (the same rows) and the height.
            #expect(inputs.bioMetrics.count == 4)
            #expect(inputs.bioMetrics.contains { $0.heightCm != nil })
        }
    }

    @Test("an unknown user reads as nil, not as an empty record set")
    func unknownUser() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let session = PostgresSession(configuration: database.configuration())
            let asOf = try #require(Instant(rfc3339: "2025-06-15T12:00:00Z"))
            #expect(try ScoreDataStore.load(userUUID: UUID(), asOf: asOf, session: session) == nil)
            session.close()
        }
    }
}
