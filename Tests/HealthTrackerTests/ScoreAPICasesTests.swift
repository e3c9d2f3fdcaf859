import Foundation
import LambdaHTTP
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing
import UTCTime

/// The score cases through the real `health_score` function binary, on PostgreSQL, under
/// the Runtime API emulator: every case of `docs/health-score-cases.json` (`ScoreCaseFile`).
///
/// Two ways to make a case's records:
/// - `seededBySQL`: the records go straight into the tables with SQL (the record
///   endpoints are built elsewhere); only the score GET goes through the API.
/// - `throughAPI`: every call of `input` is sent literally through the function binaries,
///   as the cases' `how_to_run` says. It needs the record endpoints.
@Suite("Score cases through the real API", .serialized, .apiHarness, .tags(.database))
struct ScoreAPICasesTests {
    static let names = ScoreCaseFile.names

    @Test("the cases file is found")
    func fileFound() {
        #expect(Self.names.count >= 17)
        #expect(Set(Self.names).count == Self.names.count, "case names must be unique")
    }

    @Test("case, records seeded by SQL, score through the API", arguments: names)
    func seededBySQL(name: String) async throws {
        let testCase = try #require(ScoreCaseFile.named(name))
        let api = try APITestHarness.require()
        let connection = try api.connect()
        defer { connection.close() }
        var variables = ["run_id": UUID().uuidString.lowercased()]
        let calls = try #require(testCase["input"]?.arrayValue)
        for call in calls.dropLast() {
            try CaseSeeder.seed(call.substituting(variables), connection: connection, variables: &variables)
        }
        try await Self.checkScore(testCase, call: try #require(calls.last), variables: variables, api: api)
    }

    @Test("case, every call through the API (needs the record endpoints)", arguments: names)
    func throughAPI(name: String) async throws {
        let testCase = try #require(ScoreCaseFile.named(name))
        let api = try APITestHarness.require()
        var variables = ["run_id": UUID().uuidString.lowercased()]
        let calls = try #require(testCase["input"]?.arrayValue)
        for raw in calls.dropLast() {
            let call = raw.substituting(variables)
            let method = try #require(call["method"]?.stringValue)
            let path = try #require(call["path"]?.stringValue)
            let response = try await api.send(method, path, query: APITestHarness.query(Self.query(call)), body: call["body"]?.jsonText)
            try #require((200..<300).contains(response.status), "\(method) \(path) answered \(response.status): \(response.text)")
            for (variable, field) in call["bind"]?.objectValue ?? [:] {
                let key = try #require(field.stringValue)
                let value = try #require(try response.exactJSON()[key]?.stringValue, "no \(key) in \(response.text)")
                variables[variable] = value
            }
        }
        try await Self.checkScore(testCase, call: try #require(calls.last), variables: variables, api: api)
    }

    /// Sends the case's score GET and compares it with `expected` as `how_to_run` says.
    static func checkScore(_ testCase: JSONValue, call raw: JSONValue, variables: [String: String], api: APITestHarness) async throws {
        let call = raw.substituting(variables)
        let expected = try #require(testCase["expected"]).substituting(variables)
        let response = try await api.send(
            try #require(call["method"]?.stringValue), try #require(call["path"]?.stringValue), query: APITestHarness.query(query(call))
        )
        let status = try #require(expected["status"]?.numberValue)
        #expect(Decimal(response.status) == status, "\(response.text)")
        #expect(response.contentType == (response.status == 200 ? "application/json" : "application/problem+json"))
        let body = try response.exactJSON()
        let mismatches = try #require(expected["body"]).subsetMismatches(in: body)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        if response.status != 200 {
            // Every problem carries the request id (api.md).
            #expect(body["request_id"]?.stringValue?.isEmpty == false)
        }
    }

    static func query(_ call: JSONValue) -> [(String, String)] {
        (call["query"]?.objectValue ?? [:]).sorted { $0.name < $1.name }.compactMap { key, value in
            value.stringValue.map { (key, $0) }
        }
    }
}

/// Writes a case's POSTs straight into the tables (the SQL-seeded variant only).
enum CaseSeeder {
    /// The columns each record POST may set; anything else is a broken case.
    static let tables: [String: (table: String, columns: Set<String>)] = [
        "/api/blood-tests/": ("blood_tests", ["user_uuid", "test_date", "fasting_glucose_mg_dl", "hba1c_percent", "total_cholesterol_mg_dl",
                                              "ldl_cholesterol_mg_dl", "hdl_cholesterol_mg_dl", "triglycerides_mg_dl", "hemoglobin_g_dl"]),
        "/api/bio-metrics/": ("bio_metrics", ["user_uuid", "recorded", "weight_kg", "height_cm", "systolic_bp_mmhg", "diastolic_bp_mmhg",
                                              "resting_heart_rate_bpm", "body_temperature_c", "spo2_percent"]),
        "/api/physical-activity/": ("physical_activity", ["user_uuid", "date", "steps", "moderate_minutes", "vigorous_minutes",
                                                          "active_minutes", "calories_kcal", "distance_km"]),
        "/api/sleep-activity/": ("sleep_activity", ["user_uuid", "date", "start_time", "end_time", "total_sleep_minutes", "deep_minutes",
                                                    "rem_minutes", "light_minutes", "awake_minutes", "awakenings", "efficiency_percent"]),
    ]

    enum SeedError: Error { case unknownPath(String), unknownColumn(String) }

    static func seed(_ call: JSONValue, connection: PostgresConnection, variables: inout [String: String]) throws {
        let path = try #require(call["path"]?.stringValue)
        var body = try #require(call["body"]?.objectValue)
        if path == "/api/users/" {
            let user = UUID().uuidString.lowercased()
            try connection.execute(
                "INSERT INTO users (user_uuid, email, full_name, date_of_birth, sex) VALUES ($1, $2, $3, $4, $5)",
                [user, body["email"]?.stringValue, body["full_name"]?.stringValue, body["date_of_birth"]?.stringValue, body["sex"]?.stringValue]
            )
            for (variable, field) in call["bind"]?.objectValue ?? [:] where field.stringValue == "user_uuid" {
                variables[variable] = user
            }
            return
        }
        guard let target = tables[path] else { throw SeedError.unknownPath(path) }
        // The sleep endpoint derives the wake-up day from end_time when it is left out (spec §1).
        if path == "/api/sleep-activity/", body["date"] == nil, let end = body["end_time"]?.stringValue {
            body["date"] = .string(try #require(Instant(rfc3339: end)).date.description)
        }
        let columns = body.keys.sorted()
        for column in columns where !target.columns.contains(column) { throw SeedError.unknownColumn(column) }
        let values: [any PostgresEncodable] = columns.map { column -> String? in
            switch body[column] {
            case .string(let s): s
            case .number(let n): n.description
            default: nil
            }
        }
        let placeholders = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        // Column names come from the fixed list above, never from free text.
        try connection.execute(
            "INSERT INTO \(target.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))", values
        )
    }
}
