import Foundation
import TestTags
import Testing

/// One POST body and what it must give: 201, or 422 naming exactly these fields.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let path: String
    /// JSON members after `user_uuid` (and the key, for `bounds`).
    let members: String
    /// Nil: accepted (201).
    let invalid: [String]?

    var testDescription: String { "\(path) {\(members)} → \(invalid.map { "422 \($0)" } ?? "201")" }

    /// Just inside and just outside each bound of one field, with `extra` members for the other rules.
    static func bounds(_ path: String, key: String, _ field: String, inside: [String], outside: [String], extra: String = "") -> [RuleCase] {
        let prefix = key + (extra.isEmpty ? "" : ", " + extra) + ", \"\(field)\": "
        return inside.map { RuleCase(path: path, members: prefix + $0, invalid: nil) }
            + outside.map { RuleCase(path: path, members: prefix + $0, invalid: [field]) }
    }
}

enum RuleCases {
    static let bloodKey = #""test_date": "2026-02-01""#
    static let bioKey = #""recorded": "2026-02-01T07:00:00Z""#
    static let dayKey = #""date": "2026-02-01""#

    static let fieldBounds: [RuleCase] = [
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "fasting_glucose_mg_dl", inside: ["20", "1000"], outside: ["19.99", "1000.01", "\"90\""]),
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "hba1c_percent", inside: ["3.0", "20.0"], outside: ["2.99", "20.01"]),
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "total_cholesterol_mg_dl", inside: ["50", "1000"], outside: ["49.9", "1000.1"]),
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "ldl_cholesterol_mg_dl", inside: ["10", "900"], outside: ["9.9", "900.1"]),
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "hdl_cholesterol_mg_dl", inside: ["5", "250"], outside: ["4.9", "250.1"]),
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "triglycerides_mg_dl", inside: ["10", "10000"], outside: ["9.9", "10000.1"]),
        RuleCase.bounds("/api/blood-tests/", key: bloodKey, "hemoglobin_g_dl", inside: ["3", "25"], outside: ["2.9", "25.1"]),

        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "weight_kg", inside: ["20", "500"], outside: ["19.9", "500.1"]),
        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "height_cm", inside: ["100", "250"], outside: ["99.9", "250.1"]),
        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "systolic_bp_mmhg", inside: ["60", "260"], outside: ["59.9", "260.1"], extra: #""diastolic_bp_mmhg": 50"#),
        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "diastolic_bp_mmhg", inside: ["30", "160"], outside: ["29.9", "160.1"], extra: #""systolic_bp_mmhg": 200"#),
        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "resting_heart_rate_bpm", inside: ["25", "200"], outside: ["24.9", "200.1"]),
        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "body_temperature_c", inside: ["30.0", "45.0"], outside: ["29.9", "45.1"]),
        RuleCase.bounds("/api/bio-metrics/", key: bioKey, "spo2_percent", inside: ["50", "100"], outside: ["49.9", "100.1"]),

        RuleCase.bounds("/api/physical-activity/", key: dayKey, "steps", inside: ["0", "100000", "2.0"], outside: ["-1", "100001", "1.5"]),
        RuleCase.bounds("/api/physical-activity/", key: dayKey, "moderate_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"]),
        RuleCase.bounds("/api/physical-activity/", key: dayKey, "vigorous_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"]),
        RuleCase.bounds("/api/physical-activity/", key: dayKey, "active_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"]),
        RuleCase.bounds("/api/physical-activity/", key: dayKey, "calories_kcal", inside: ["0", "20000"], outside: ["-0.1", "20000.1"]),
        RuleCase.bounds("/api/physical-activity/", key: dayKey, "distance_km", inside: ["0", "500"], outside: ["-0.1", "500.1"]),

        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "total_sleep_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"]),
        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "deep_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"], extra: #""total_sleep_minutes": 400"#),
        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "rem_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"], extra: #""total_sleep_minutes": 400"#),
        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "light_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"], extra: #""total_sleep_minutes": 400"#),
        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "awake_minutes", inside: ["0", "1440"], outside: ["-0.1", "1440.1"], extra: #""total_sleep_minutes": 400"#),
        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "awakenings", inside: ["0", "200"], outside: ["-1", "201", "2.5"], extra: #""total_sleep_minutes": 400"#),
        RuleCase.bounds("/api/sleep-activity/", key: dayKey, "efficiency_percent", inside: ["0", "100"], outside: ["-0.1", "100.1"], extra: #""total_sleep_minutes": 400"#),
    ].flatMap { $0 }

    static let sleepTimes = #""start_time": "2026-01-31T23:00:00Z", "end_time": "2026-02-01T07:00:00Z""#  // 480 minutes

    static let crossField: [RuleCase] = [
        RuleCase(path: "/api/blood-tests/", members: bloodKey, invalid: ["body"]),
        RuleCase(path: "/api/blood-tests/", members: bloodKey + #", "total_cholesterol_mg_dl": 200, "ldl_cholesterol_mg_dl": 199.9, "hdl_cholesterol_mg_dl": 199.9"#, invalid: nil),
        RuleCase(path: "/api/blood-tests/", members: bloodKey + #", "total_cholesterol_mg_dl": 200, "ldl_cholesterol_mg_dl": 200"#, invalid: ["ldl_cholesterol_mg_dl"]),
        RuleCase(path: "/api/blood-tests/", members: bloodKey + #", "total_cholesterol_mg_dl": 200, "hdl_cholesterol_mg_dl": 200"#, invalid: ["hdl_cholesterol_mg_dl"]),

        RuleCase(path: "/api/bio-metrics/", members: bioKey, invalid: ["body"]),
        RuleCase(path: "/api/bio-metrics/", members: bioKey + #", "systolic_bp_mmhg": 120"#, invalid: ["diastolic_bp_mmhg"]),
        RuleCase(path: "/api/bio-metrics/", members: bioKey + #", "diastolic_bp_mmhg": 80"#, invalid: ["systolic_bp_mmhg"]),
        RuleCase(path: "/api/bio-metrics/", members: bioKey + #", "systolic_bp_mmhg": 80.1, "diastolic_bp_mmhg": 80"#, invalid: nil),
        RuleCase(path: "/api/bio-metrics/", members: bioKey + #", "systolic_bp_mmhg": 80, "diastolic_bp_mmhg": 80"#, invalid: ["systolic_bp_mmhg"]),
        RuleCase(path: "/api/bio-metrics/", members: #""recorded": "2026-02-01T07:00:00", "weight_kg": 70"#, invalid: ["recorded"]),

        RuleCase(path: "/api/physical-activity/", members: dayKey, invalid: ["body"]),
        RuleCase(path: "/api/physical-activity/", members: dayKey + #", "moderate_minutes": 720, "vigorous_minutes": 720"#, invalid: nil),
        RuleCase(path: "/api/physical-activity/", members: dayKey + #", "moderate_minutes": 720, "vigorous_minutes": 720.1"#, invalid: ["moderate_minutes"]),

        RuleCase(path: "/api/sleep-activity/", members: #""total_sleep_minutes": 400"#, invalid: ["date"]),
        RuleCase(path: "/api/sleep-activity/", members: dayKey, invalid: ["total_sleep_minutes"]),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: dayKey + ", " + sleepTimes, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: #""date": "2026-01-31", "# + sleepTimes, invalid: ["date"]),
        RuleCase(path: "/api/sleep-activity/", members: #""start_time": "2026-01-31T23:00:00Z""#, invalid: ["end_time"]),
        RuleCase(path: "/api/sleep-activity/", members: #""start_time": "2026-02-01T07:00:00Z", "end_time": "2026-02-01T07:00:00Z""#, invalid: ["end_time"]),
        RuleCase(path: "/api/sleep-activity/", members: #""start_time": "2026-01-31T07:00:00Z", "end_time": "2026-02-01T07:00:00Z""#, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: #""start_time": "2026-01-31T06:59:59Z", "end_time": "2026-02-01T07:00:00Z""#, invalid: ["end_time"]),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes + #", "total_sleep_minutes": 480"#, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes + #", "total_sleep_minutes": 480.1"#, invalid: ["total_sleep_minutes"]),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes + #", "awake_minutes": 480"#, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes + #", "awake_minutes": 480.1"#, invalid: ["awake_minutes"]),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes + #", "deep_minutes": 100, "rem_minutes": 100, "light_minutes": 280"#, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: sleepTimes + #", "deep_minutes": 100, "rem_minutes": 100, "light_minutes": 280.1"#, invalid: ["deep_minutes"]),
        RuleCase(path: "/api/sleep-activity/", members: dayKey + #", "total_sleep_minutes": 400, "deep_minutes": 480, "rem_minutes": 480, "light_minutes": 480"#, invalid: nil),
        RuleCase(path: "/api/sleep-activity/", members: dayKey + #", "total_sleep_minutes": 400, "deep_minutes": 480, "rem_minutes": 480, "light_minutes": 480.1"#, invalid: ["deep_minutes"]),
    ]
}

/// Every rule of health-score.md §1 and api.md's user rules, just inside and just outside.
@Suite(.apiHarness, .tags(.database))
struct RecordAPIValidationTests {
    @Test(arguments: RuleCases.fieldBounds + RuleCases.crossField)
    func recordRule(_ rule: RuleCase) async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let response = try await api.post(rule.path, #"{"user_uuid": "\#(user)", \#(rule.members)}"#)
        if let invalid = rule.invalid {
            #expect(response.status == 422, "\(response.text)")
            #expect(response.problemType == "/problems/validation")
            #expect(Set(response.invalidNames) == Set(invalid), "\(response.text)")
            // Nothing was stored.
            let list = try await api.get(rule.path + user)
            #expect(list.items.isEmpty)
        } else {
            #expect(response.status == 201, "\(response.text)")
        }
    }

    static let userCases: [(members: String, invalid: String?)] = {
        let local = String(repeating: "a", count: 242)  // + "@example.com" (12) = 254
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let tomorrow = ISO8601DateFormatter.string(from: Date().addingTimeInterval(86_400), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        return [
            (#""email": "\#(local)@example.com""#, nil),
            (#""email": "\#(local)a@example.com""#, "email"),
            (#""email": "no-at-sign.example.com""#, "email"),
            (#""email": "two@at@example.com""#, "email"),
            (#""full_name": "\#(String(repeating: "n", count: 200))""#, nil),
            (#""full_name": "\#(String(repeating: "n", count: 201))""#, "full_name"),
            (#""full_name": """#, "full_name"),
            (#""date_of_birth": "1900-01-01""#, nil),
            (#""date_of_birth": "1899-12-31""#, "date_of_birth"),
            (#""date_of_birth": "\#(today)""#, nil),
            (#""date_of_birth": "\#(tomorrow)""#, "date_of_birth"),
            (#""date_of_birth": "1990-02-30""#, "date_of_birth"),
            (#""sex": "unspecified""#, nil),
            (#""sex": "F""#, "sex"),
            (#""user_uuid": "\#(UUID().uuidString)""#, "user_uuid"),
            (#""created_at": "2026-01-01T00:00:00Z""#, "created_at"),
        ]
    }()

    @Test(arguments: 0..<userCases.count)
    func userRule(_ index: Int) async throws {
        let api = try APITestHarness.require()
        let (members, invalid) = Self.userCases[index]
        var body: [String: String] = ["email": "\"u-\(UUID().uuidString.lowercased())@example.com\"", "full_name": "\"Test\""]
        let name = String(members.split(separator: ":")[0].dropFirst().dropLast())
        body[name] = nil
        let text = "{" + (body.map { "\"\($0.key)\": \($0.value)" } + [members]).joined(separator: ", ") + "}"
        let response = try await api.post("/api/users/", text)
        if let invalid {
            #expect(response.status == 422, "\(response.text)")
            #expect(response.invalidNames == [invalid], "\(response.text)")
        } else {
            #expect(response.status == 201, "\(response.text)")
        }
    }

    @Test func everyBrokenFieldInOne422() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let response = try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "2026-02-30", "steps": 1.5, "moderate_minutes": -1, "stpes": 100}"#)
        #expect(response.status == 422)
        #expect(response.contentType == "application/problem+json")
        #expect(Set(response.invalidNames) == ["date", "steps", "moderate_minutes", "stpes"])
        #expect(response.object["detail"] as? String == "4 fields are invalid")
        #expect(response.object["title"] as? String == "Request body is invalid")
        #expect(response.object["status"] as? Int == 422)
        #expect((response.object["request_id"] as? String)?.isEmpty == false)
    }

    @Test func patchRejectsUnknownAndReadOnlyFields() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        #expect(try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(user)", "test_date": "2026-02-01", "hba1c_percent": 5.2}"#).status == 201)
        let response = try await api.patch("/api/blood-tests/\(user)/2026-02-01/update", #"{"hba1c": 5.3, "created_at": "2026-01-01T00:00:00Z", "hemoglobin_g_dl": 2}"#)
        #expect(response.status == 422)
        #expect(Set(response.invalidNames) == ["hba1c", "created_at", "hemoglobin_g_dl"])
        let read = try await api.get("/api/blood-tests/\(user)/2026-02-01")
        #expect(read.text.contains("\"hba1c_percent\":5.2"))
        #expect(read.object["hemoglobin_g_dl"] is NSNull)
    }
}
