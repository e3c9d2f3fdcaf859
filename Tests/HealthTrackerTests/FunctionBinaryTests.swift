import Foundation
import HealthTracker
import TestTags
import Testing

/// Each function's real binary under the Runtime API emulator, with `AUTH_MODE=none` and
/// `jwt`. The API suites call the same handlers in process; these check what only the
/// binary shows: it starts from its environment, reaches the database and answers payload
/// 2.0 events with what the in-process handler answers.
@Suite("Function binaries under the emulator", .apiHarness(.process), .tags(.process))
struct FunctionBinaryTests {
    /// A record this function stores, and where its owner's records are listed.
    static func record(_ function: APIFunction, user: String) -> (path: String, body: String, list: String)? {
        switch function {
        case .users: nil
        case .bloodTests: ("/api/blood-tests/", #"{"user_uuid": "\#(user)", "test_date": "2026-03-01", "hba1c_percent": 5.4}"#, "/api/blood-tests/\(user)")
        case .bioMetrics: ("/api/bio-metrics/", #"{"user_uuid": "\#(user)", "recorded": "2026-03-01T08:30:00Z", "weight_kg": 72.5}"#, "/api/bio-metrics/\(user)")
        case .physicalActivity: ("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "2026-03-01", "steps": 8000}"#, "/api/physical-activity/\(user)")
        case .sleepActivity: ("/api/sleep-activity/", #"{"user_uuid": "\#(user)", "start_time": "2026-03-01T23:00:00Z", "end_time": "2026-03-02T06:30:00Z", "total_sleep_minutes": 400}"#, "/api/sleep-activity/\(user)")
        case .healthScore: nil
        }
    }

    @Test("writes and reads through the binary, as its owner (jwt) and with auth off", arguments: APIFunction.allCases)
    func writesAndReads(_ function: APIFunction) async throws {
        let api = try APITestHarness.require()
        let owner = UUID()
        let user = owner.uuidString.lowercased()
        let signUp = try await api.post("/api/users/", #"{"email": "\#(user)@example.com", "full_name": "Binary"}"#, auth: .user(owner))
        try #require(signUp.status == 201, "\(signUp.text)")
        switch function {
        case .users:
            let read = try await api.get("/api/users/\(user)", auth: .user(owner))
            #expect(read.status == 200)
            #expect(read.object["email"] as? String == "\(user)@example.com")
            #expect(try await api.get("/api/users/\(user)", auth: .anonymous).status == 401)
            #expect(try await api.get("/api/users/\(user)").status == 200)
        case .healthScore:
            let score = try await api.score(userUUID: user, asOf: "2026-03-02T12:00:00Z", auth: .user(owner))
            #expect(score.status == 422, "\(score.text)")
            #expect(score.contentType == "application/problem+json")
            #expect(try await api.score(userUUID: user, asOf: nil, auth: .anonymous).status == 401)
        default:
            let record = try #require(Self.record(function, user: user))
            let created = try await api.post(record.path, record.body, auth: .user(owner))
            #expect(created.status == 201, "\(created.text)")
            let list = try await api.get(record.list, auth: .user(owner))
            #expect(list.status == 200)
            #expect(list.items.count == 1)
            #expect(try await api.get(record.list).items.count == 1)
        }
    }
}
