import Foundation
import TestTags
import Testing

/// Create, read, list, patch and delete of every record type, through the real binaries.
@Suite(.apiHarness, .tags(.database))
struct RecordAPICrudTests {
    @Test func userLifecycle() async throws {
        let api = try APITestHarness.require()
        let email = "Ada.\(UUID().uuidString.prefix(8))@Example.com"
        let created = try await api.post("/api/users/", #"{"email": "\#(email)", "full_name": "Ada Lovelace", "date_of_birth": "1990-12-10", "sex": "female"}"#)
        #expect(created.status == 201)
        let uuid = try #require(created.object["user_uuid"] as? String)
        #expect(created.headers["location"] == "/api/users/\(uuid)")
        #expect(created.object["email"] as? String == email)
        let createdAt = try #require(created.object["created_at"] as? String)
        #expect(createdAt.hasSuffix("Z"))

        let read = try await api.get("/api/users/\(uuid)")
        #expect(read.status == 200)
        #expect(read.object["full_name"] as? String == "Ada Lovelace")
        #expect(read.object["date_of_birth"] as? String == "1990-12-10")

        let patched = try await api.patch("/api/users/\(uuid)", #"{"full_name": "Ada King", "sex": null}"#)
        #expect(patched.status == 200)
        #expect(patched.object["full_name"] as? String == "Ada King")
        #expect(patched.object["sex"] is NSNull)
        #expect(patched.object["date_of_birth"] as? String == "1990-12-10")
        #expect(patched.object["email"] as? String == email)

        // The same address in another case is taken.
        let duplicate = try await api.post("/api/users/", #"{"email": "\#(email.uppercased())", "full_name": "Someone"}"#)
        #expect(duplicate.status == 409)
        #expect(duplicate.problemType == "/problems/conflict")

        let moved = try await api.patch("/api/users/\(uuid)", #"{"user_uuid": "\#(UUID().uuidString.lowercased())", "full_name": "X"}"#)
        #expect(moved.status == 422)
        #expect(moved.invalidNames == ["user_uuid"])

        let deleted = try await api.delete("/api/users/\(uuid)")
        #expect(deleted.status == 204)
        #expect(deleted.text.isEmpty)
        let gone = try await api.get("/api/users/\(uuid)")
        #expect(gone.status == 404)
        #expect(gone.problemType == "/problems/user-not-found")
        #expect(try await api.delete("/api/users/\(uuid)").status == 404)
    }

    @Test func bloodTestLifecycle() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let created = try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(user)", "test_date": "2026-03-01", "fasting_glucose_mg_dl": 82.35, "total_cholesterol_mg_dl": 190, "hdl_cholesterol_mg_dl": 55.10, "hemoglobin_g_dl": 13.123456789012345678901}"#)
        #expect(created.status == 201)
        // More digits than a Double holds: parsed and stored as a decimal, never through Double.
        #expect(created.text.contains("\"hemoglobin_g_dl\":13.123456789012345678901"), "\(created.text)")
        #expect(created.headers["location"] == "/api/blood-tests/\(user)/2026-03-01")
        // Exact decimals: 82.35 is not 82.34999999.
        #expect(created.text.contains("\"fasting_glucose_mg_dl\":82.35"))
        #expect(created.object["hba1c_percent"] is NSNull)

        let again = try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(user)", "test_date": "2026-03-01", "hba1c_percent": 5.4}"#)
        #expect(again.status == 409)
        #expect(again.problemType == "/problems/conflict")

        let read = try await api.get("/api/blood-tests/\(user)/2026-03-01")
        #expect(read.status == 200)
        #expect(read.text.contains("\"total_cholesterol_mg_dl\":190"))

        let patched = try await api.patch("/api/blood-tests/\(user)/2026-03-01/update", #"{"hba1c_percent": 5.4, "fasting_glucose_mg_dl": null}"#)
        #expect(patched.status == 200)
        #expect(patched.text.contains("\"hba1c_percent\":5.4"))
        #expect(patched.object["fasting_glucose_mg_dl"] is NSNull)
        #expect(patched.text.contains("\"total_cholesterol_mg_dl\":190"))

        // The merged record is checked: HDL must stay below total.
        let broken = try await api.patch("/api/blood-tests/\(user)/2026-03-01/update", #"{"total_cholesterol_mg_dl": 55}"#)
        #expect(broken.status == 422)
        #expect(broken.invalidNames == ["hdl_cholesterol_mg_dl"])

        let moved = try await api.patch("/api/blood-tests/\(user)/2026-03-01/update", #"{"test_date": "2026-03-02", "hba1c_percent": 5.5}"#)
        #expect(moved.status == 422)
        #expect(moved.invalidNames == ["test_date"])

        let list = try await api.get("/api/blood-tests/\(user)")
        #expect(list.status == 200)
        #expect(list.items.count == 1)
        #expect(list.object["next_cursor"] is NSNull)

        let missing = try await api.get("/api/blood-tests/\(user)/2026-03-02")
        #expect(missing.status == 404)
        #expect(missing.problemType == "/problems/not-found")

        let deleted = try await api.delete("/api/blood-tests/\(user)/delete", query: "test_date=2026-03-01")
        #expect(deleted.status == 200)
        #expect(deleted.object["deleted"] as? Int == 1)
        #expect(try await api.get("/api/blood-tests/\(user)/2026-03-01").status == 404)
    }

    @Test func bioMetricLifecycle() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let created = try await api.post("/api/bio-metrics/", #"{"user_uuid": "\#(user)", "recorded": "2026-03-01T08:30:00.250+02:00", "weight_kg": 72.5, "systolic_bp_mmhg": 121, "diastolic_bp_mmhg": 79}"#)
        #expect(created.status == 201)
        #expect(created.object["recorded"] as? String == "2026-03-01T06:30:00.25Z")
        #expect(created.headers["location"] == "/api/bio-metrics/\(user)/2026-03-01T06%3A30%3A00.25Z")

        // The path holds the instant in any offset; `+` arrives decoded from HTTP API.
        let read = try await api.get("/api/bio-metrics/\(user)/2026-03-01T08:30:00.25+02:00")
        #expect(read.status == 200)
        #expect(read.text.contains("\"weight_kg\":72.5"))

        let patched = try await api.patch("/api/bio-metrics/\(user)/2026-03-01T06:30:00.25Z/update", #"{"resting_heart_rate_bpm": 61}"#)
        #expect(patched.status == 200)
        #expect(patched.text.contains("\"resting_heart_rate_bpm\":61"))
        #expect(patched.text.contains("\"weight_kg\":72.5"))

        // Both or neither: clearing one blood pressure value alone breaks the pair rule.
        let half = try await api.patch("/api/bio-metrics/\(user)/2026-03-01T06:30:00.25Z/update", #"{"systolic_bp_mmhg": null}"#)
        #expect(half.status == 422)

        let list = try await api.get("/api/bio-metrics/\(user)", query: "from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z")
        #expect(list.items.count == 1)
        let outside = try await api.get("/api/bio-metrics/\(user)", query: "from=2026-03-01T07:00:00Z")
        #expect(outside.status == 200)
        #expect(outside.items.isEmpty)

        let deleted = try await api.delete("/api/bio-metrics/\(user)/delete", query: "recorded=2026-03-01T06:30:00.25Z")
        #expect(deleted.object["deleted"] as? Int == 1)
    }

    @Test func physicalActivityLifecycle() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let created = try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "2026-03-01", "steps": 8000, "moderate_minutes": 30}"#)
        #expect(created.status == 201)
        #expect(created.headers["location"] == "/api/physical-activity/\(user)/2026-03-01")
        let patched = try await api.patch("/api/physical-activity/\(user)/update", #"{"date": "2026-03-01", "vigorous_minutes": 12.5}"#)
        #expect(patched.status == 200)
        #expect(patched.text.contains("\"vigorous_minutes\":12.5"))
        #expect(patched.text.contains("\"steps\":8000"))
        let noDay = try await api.patch("/api/physical-activity/\(user)/update", #"{"date": "2026-03-05", "steps": 1}"#)
        #expect(noDay.status == 404)
        #expect(noDay.problemType == "/problems/not-found")
        let read = try await api.get("/api/physical-activity/\(user)/2026-03-01")
        #expect(read.object["moderate_minutes"] as? Int == 30)
        #expect(try await api.get("/api/physical-activity/\(user)").items.count == 1)
        let deleted = try await api.delete("/api/physical-activity/\(user)/delete", query: "all=true")
        #expect(deleted.object["deleted"] as? Int == 1)
    }

    @Test func sleepActivityLifecycle() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let created = try await api.post("/api/sleep-activity/", #"{"user_uuid": "\#(user)", "start_time": "2026-03-01T23:00:00+01:00", "end_time": "2026-03-02T06:30:00Z", "total_sleep_minutes": 400}"#)
        #expect(created.status == 201)
        // The wake-up day is derived from end_time.
        #expect(created.object["date"] as? String == "2026-03-02")
        #expect(created.object["start_time"] as? String == "2026-03-01T22:00:00Z")
        #expect(created.headers["location"] == "/api/sleep-activity/\(user)/2026-03-02")
        let patched = try await api.patch("/api/sleep-activity/\(user)/update", #"{"date": "2026-03-02", "efficiency_percent": 88.5}"#)
        #expect(patched.status == 200)
        #expect(patched.text.contains("\"efficiency_percent\":88.5"))
        // Moving the end to another day would move the record: refused.
        let moved = try await api.patch("/api/sleep-activity/\(user)/update", #"{"date": "2026-03-02", "end_time": "2026-03-03T01:00:00Z"}"#)
        #expect(moved.status == 422)
        let tooLong = try await api.patch("/api/sleep-activity/\(user)/update", #"{"date": "2026-03-02", "total_sleep_minutes": 511}"#)
        #expect(tooLong.status == 422)
        #expect(tooLong.invalidNames == ["total_sleep_minutes"])
        let read = try await api.get("/api/sleep-activity/\(user)/2026-03-02")
        #expect(read.object["total_sleep_minutes"] as? Int == 400)
        let range = try await api.delete("/api/sleep-activity/\(user)/delete", query: "from=2026-03-01&to=2026-03-02")
        #expect(range.object["deleted"] as? Int == 1)
    }
}
