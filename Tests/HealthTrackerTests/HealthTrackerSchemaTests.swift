import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("The Health Tracker schema", .tags(.database))
struct HealthTrackerSchemaTests {
    static let user = UUID(uuidString: "9d24e790-d646-4d0d-ba50-b95153eb6ec4")!

    private func withSchema(_ body: (PostgresConnection) throws -> Void) async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let connection = try database.connect()
            try connection.execute(
                "INSERT INTO users (user_uuid, email, full_name) VALUES ($1, 'a@example.com', 'A')", [Self.user]
            )
            try body(connection)
        }
    }

    /// (table, columns = values as SQL literals of test data, constraint expected to fail).
    static let violations: [(String, String, String)] = [
        ("users", "user_uuid, email, full_name", "gen_random_uuid(), 'no-at-sign', 'B'|users_email_format"),
        ("users", "user_uuid, email, full_name", "gen_random_uuid(), 'b@example.com', ''|users_full_name_length"),
        ("users", "user_uuid, email, full_name, date_of_birth", "gen_random_uuid(), 'b@example.com', 'B', '1899-12-31'|users_date_of_birth_range"),
        ("users", "user_uuid, email, full_name, sex", "gen_random_uuid(), 'b@example.com', 'B', 'f'|users_sex_value"),
        ("blood_tests", "user_uuid, test_date, fasting_glucose_mg_dl", "$1, '2025-01-01', 19.99|blood_tests_fasting_glucose_mg_dl_range"),
        ("blood_tests", "user_uuid, test_date, hba1c_percent", "$1, '2025-01-01', 20.01|blood_tests_hba1c_percent_range"),
        ("blood_tests", "user_uuid, test_date, total_cholesterol_mg_dl", "$1, '2025-01-01', 49|blood_tests_total_cholesterol_mg_dl_range"),
        ("blood_tests", "user_uuid, test_date, ldl_cholesterol_mg_dl", "$1, '2025-01-01', 901|blood_tests_ldl_cholesterol_mg_dl_range"),
        ("blood_tests", "user_uuid, test_date, hdl_cholesterol_mg_dl", "$1, '2025-01-01', 4.9|blood_tests_hdl_cholesterol_mg_dl_range"),
        ("blood_tests", "user_uuid, test_date, triglycerides_mg_dl", "$1, '2025-01-01', 10001|blood_tests_triglycerides_mg_dl_range"),
        ("blood_tests", "user_uuid, test_date, hemoglobin_g_dl", "$1, '2025-01-01', 2.9|blood_tests_hemoglobin_g_dl_range"),
        ("blood_tests", "user_uuid, test_date, total_cholesterol_mg_dl, ldl_cholesterol_mg_dl", "$1, '2025-01-01', 150, 150|blood_tests_ldl_cholesterol_mg_dl_below_total"),
        ("blood_tests", "user_uuid, test_date, total_cholesterol_mg_dl, hdl_cholesterol_mg_dl", "$1, '2025-01-01', 60, 60|blood_tests_hdl_cholesterol_mg_dl_below_total"),
        ("blood_tests", "user_uuid, test_date", "$1, '2025-01-01'|blood_tests_analytes_present"),
        ("bio_metrics", "user_uuid, recorded, weight_kg", "$1, '2025-01-01T00:00Z', 19|bio_metrics_weight_kg_range"),
        ("bio_metrics", "user_uuid, recorded, height_cm", "$1, '2025-01-01T00:00Z', 251|bio_metrics_height_cm_range"),
        ("bio_metrics", "user_uuid, recorded, systolic_bp_mmhg, diastolic_bp_mmhg", "$1, '2025-01-01T00:00Z', 261, 80|bio_metrics_systolic_bp_mmhg_range"),
        ("bio_metrics", "user_uuid, recorded, systolic_bp_mmhg, diastolic_bp_mmhg", "$1, '2025-01-01T00:00Z', 120, 29|bio_metrics_diastolic_bp_mmhg_range"),
        ("bio_metrics", "user_uuid, recorded, systolic_bp_mmhg", "$1, '2025-01-01T00:00Z', 120|bio_metrics_diastolic_bp_mmhg_pair"),
        ("bio_metrics", "user_uuid, recorded, systolic_bp_mmhg, diastolic_bp_mmhg", "$1, '2025-01-01T00:00Z', 90, 90|bio_metrics_systolic_bp_mmhg_above_diastolic"),
        ("bio_metrics", "user_uuid, recorded, resting_heart_rate_bpm", "$1, '2025-01-01T00:00Z', 201|bio_metrics_resting_heart_rate_bpm_range"),
        ("bio_metrics", "user_uuid, recorded, body_temperature_c", "$1, '2025-01-01T00:00Z', 45.1|bio_metrics_body_temperature_c_range"),
        ("bio_metrics", "user_uuid, recorded, spo2_percent", "$1, '2025-01-01T00:00Z', 49|bio_metrics_spo2_percent_range"),
        ("bio_metrics", "user_uuid, recorded", "$1, '2025-01-01T00:00Z'|bio_metrics_measurements_present"),
        ("physical_activity", "user_uuid, date, steps", "$1, '2025-01-01', 100001|physical_activity_steps_range"),
        ("physical_activity", "user_uuid, date, moderate_minutes", "$1, '2025-01-01', -1|physical_activity_moderate_minutes_range"),
        ("physical_activity", "user_uuid, date, vigorous_minutes", "$1, '2025-01-01', 1441|physical_activity_vigorous_minutes_range"),
        ("physical_activity", "user_uuid, date, moderate_minutes, vigorous_minutes", "$1, '2025-01-01', 1000, 441|physical_activity_vigorous_minutes_sum"),
        ("physical_activity", "user_uuid, date, active_minutes", "$1, '2025-01-01', 1440.5|physical_activity_active_minutes_range"),
        ("physical_activity", "user_uuid, date, calories_kcal", "$1, '2025-01-01', 20001|physical_activity_calories_kcal_range"),
        ("physical_activity", "user_uuid, date, distance_km", "$1, '2025-01-01', 500.1|physical_activity_distance_km_range"),
        ("physical_activity", "user_uuid, date", "$1, '2025-01-01'|physical_activity_fields_present"),
        ("sleep_activity", "user_uuid, date, start_time, total_sleep_minutes", "$1, '2025-01-02', '2025-01-01T23:00Z', 400|sleep_activity_end_time_pair"),
        ("sleep_activity", "user_uuid, date, start_time, end_time", "$1, '2025-01-02', '2025-01-02T07:00Z', '2025-01-02T07:00Z'|sleep_activity_end_time_after_start"),
        ("sleep_activity", "user_uuid, date, start_time, end_time", "$1, '2025-01-02', '2025-01-01T06:59:59Z', '2025-01-02T07:00Z'|sleep_activity_end_time_time_in_bed"),
        ("sleep_activity", "user_uuid, date, start_time, end_time", "$1, '2025-01-01', '2025-01-01T23:00Z', '2025-01-02T07:00+00'|sleep_activity_date_matches_end_time"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes", "$1, '2025-01-02', 1441|sleep_activity_total_sleep_minutes_range"),
        ("sleep_activity", "user_uuid, date, deep_minutes", "$1, '2025-01-02', 60|sleep_activity_total_sleep_minutes_required"),
        ("sleep_activity", "user_uuid, date, start_time, end_time, total_sleep_minutes", "$1, '2025-01-02', '2025-01-01T23:00Z', '2025-01-02T07:00Z', 480.01|sleep_activity_total_sleep_minutes_time_in_bed"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, deep_minutes", "$1, '2025-01-02', 400, 1441|sleep_activity_deep_minutes_range"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, rem_minutes", "$1, '2025-01-02', 400, -0.5|sleep_activity_rem_minutes_range"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, light_minutes", "$1, '2025-01-02', 400, 2000|sleep_activity_light_minutes_range"),
        ("sleep_activity", "user_uuid, date, start_time, end_time, deep_minutes, rem_minutes, light_minutes", "$1, '2025-01-02', '2025-01-01T23:00Z', '2025-01-02T07:00Z', 100, 100, 281|sleep_activity_light_minutes_stages_time_in_bed"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, deep_minutes, rem_minutes, light_minutes", "$1, '2025-01-02', 400, 500, 500, 441|sleep_activity_light_minutes_stages_time_in_bed"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, awake_minutes", "$1, '2025-01-02', 400, 1441|sleep_activity_awake_minutes_range"),
        ("sleep_activity", "user_uuid, date, start_time, end_time, awake_minutes", "$1, '2025-01-02', '2025-01-01T23:00Z', '2025-01-02T07:00Z', 481|sleep_activity_awake_minutes_time_in_bed"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, awakenings", "$1, '2025-01-02', 400, 201|sleep_activity_awakenings_range"),
        ("sleep_activity", "user_uuid, date, total_sleep_minutes, efficiency_percent", "$1, '2025-01-02', 400, 100.1|sleep_activity_efficiency_percent_range"),
    ]

    @Test("every CHECK constraint rejects its case as invalid (422), named after its field")
    func checkViolations() async throws {
        try await withSchema { connection in
            var seen: Set<String> = []
            for (table, columns, spec) in Self.violations {
                let parts = spec.split(separator: "|").map(String.init)
                let sql = "INSERT INTO \(table) (\(columns)) VALUES (\(parts[0]))"
                let parameters: [any PostgresEncodable] = parts[0].contains("$1") ? [Self.user] : []
                let error = try #require(throws: PostgresError.self, "\(parts[1])") { try connection.execute(sql, parameters) }
                #expect(error.code == .invalid, "\(parts[1])")
                #expect(error.constraint == parts[1])
                #expect(HealthTrackerSchema.field(forConstraint: parts[1]) != nil)
                seen.insert(parts[1])
            }
            // Every CHECK in the database has a case above and a field; the bookkeeping tables
            // (migrations, idempotency keys) name no field.
            let checks = try connection.execute("SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace")
                .map { try $0.decode(0, as: String.self) }
            #expect(Set(checks) == seen)
            let named = try connection.execute("SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid NOT IN ('schema_migrations'::regclass, 'idempotency_keys'::regclass) UNION SELECT 'users_email_key'")
                .map { try $0.decode(0, as: String.self) }
            #expect(Set(named) == Set(HealthTrackerSchema.constraintFields.keys))
        }
    }

    @Test("valid boundary records are accepted, keys conflict (409), unknown users are 404, users delete in cascade")
    func keysAndCascade() async throws {
        try await withSchema { connection in
            let valid = [
                "INSERT INTO blood_tests (user_uuid, test_date, hba1c_percent, total_cholesterol_mg_dl, ldl_cholesterol_mg_dl, hdl_cholesterol_mg_dl) VALUES ($1, '2025-01-01', 3.0, 1000, 900, 250)",
                "INSERT INTO bio_metrics (user_uuid, recorded, systolic_bp_mmhg, diastolic_bp_mmhg, height_cm) VALUES ($1, '2025-01-01T08:00:00+02:00', 61, 60, 250)",
                "INSERT INTO physical_activity (user_uuid, date, moderate_minutes, vigorous_minutes, steps) VALUES ($1, '2025-01-01', 720, 720, 0)",
                "INSERT INTO sleep_activity (user_uuid, date, start_time, end_time, total_sleep_minutes, deep_minutes, rem_minutes, light_minutes, awake_minutes) VALUES ($1, '2025-01-02', '2025-01-01T07:00Z', '2025-01-02T07:00Z', 1440, 480, 480, 480, 1440)",
                "INSERT INTO sleep_activity (user_uuid, date, total_sleep_minutes, deep_minutes, rem_minutes, light_minutes) VALUES ($1, '2025-01-03', 0, 480, 480, 480)",
            ]
            for sql in valid { try connection.execute(sql, [Self.user]) }

            let duplicate = try #require(throws: PostgresError.self) { try connection.execute(valid[0], [Self.user]) }
            #expect(duplicate.code == .conflict && duplicate.constraint == "blood_tests_pkey")
            let email = try #require(throws: PostgresError.self) {
                try connection.execute("INSERT INTO users (user_uuid, email, full_name) VALUES (gen_random_uuid(), 'A@EXAMPLE.com', 'B')")
            }
            #expect(email.code == .conflict && HealthTrackerSchema.field(forConstraint: email.constraint ?? "") == "email")
            let orphan = try #require(throws: PostgresError.self) { try connection.execute(valid[2], [UUID()]) }
            #expect(orphan.code == .notFound && orphan.constraint == "physical_activity_user_uuid_fkey")

            try connection.execute("DELETE FROM users WHERE user_uuid = $1", [Self.user])
            let left = try connection.execute("""
                SELECT (SELECT count(*) FROM blood_tests) + (SELECT count(*) FROM bio_metrics)
                     + (SELECT count(*) FROM physical_activity) + (SELECT count(*) FROM sleep_activity)
                """).first!.decode(0, as: Int.self)
            #expect(left == 0)
        }
    }

    @Test("updated_at moves on update; created_at does not")
    func updatedAt() async throws {
        try await withSchema { connection in
            try connection.execute("INSERT INTO physical_activity (user_uuid, date, steps) VALUES ($1, '2025-01-01', 5)", [Self.user])
            try connection.transaction { connection in
                // now() is the transaction's start: a later transaction gets a later one.
                try connection.execute("UPDATE physical_activity SET steps = 6 WHERE user_uuid = $1", [Self.user])
            }
            let row = try #require(try connection.execute("SELECT created_at < updated_at FROM physical_activity").first)
            #expect(try row.decode(0, as: Bool.self))
        }
    }

    @Test("list and score queries are served by an index, never a scan of the table")
    func queriesUseIndexes() async throws {
        try await withSchema { connection in
            try connection.execute("SET enable_seqscan = off")
            let queries = [
                "SELECT * FROM blood_tests WHERE user_uuid = $1 AND test_date < '2025-06-01' ORDER BY test_date DESC LIMIT 50",
                "SELECT * FROM bio_metrics WHERE user_uuid = $1 AND recorded BETWEEN '2025-03-18T00:00Z' AND '2025-06-15T12:00Z' ORDER BY recorded DESC LIMIT 3",
                "SELECT height_cm FROM bio_metrics WHERE user_uuid = $1 AND height_cm IS NOT NULL AND recorded <= '2025-06-15T12:00Z' ORDER BY recorded DESC LIMIT 1",
                "SELECT * FROM physical_activity WHERE user_uuid = $1 AND date BETWEEN '2025-06-08' AND '2025-06-14' ORDER BY date DESC",
                "SELECT * FROM sleep_activity WHERE user_uuid = $1 ORDER BY date DESC LIMIT 50",
                "SELECT * FROM users WHERE email_key = 'a@example.com'",
            ]
            for query in queries {
                let plan = try connection.execute("EXPLAIN " + query, query.contains("$1") ? [Self.user] : [])
                    .map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
                #expect(plan.contains("Index") && !plan.contains("Seq Scan"), "\(query)\n\(plan)")
            }
            let height = try connection.execute("EXPLAIN " + queries[2], [Self.user]).map { try $0.decode(0, as: String.self) }.joined()
            #expect(height.contains("bio_metrics_height_idx"))
        }
    }

    @Test("an unmigrated database fails the functions' schema check, naming version 1")
    func unmigrated() async throws {
        try await withTestDatabase { database in
            let session = PostgresSession(configuration: database.configuration(applicationName: "users"))
            session.requireSchema(HealthTrackerSchema.migrator)
            let error = try #require(throws: PostgresError.self) { try session.run(.readOnly) { _ in } }
            #expect(error.code == .schemaOutdated && error.message.contains("1 (users_and_records)"))
        }
    }
}
