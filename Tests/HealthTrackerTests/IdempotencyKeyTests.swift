import Foundation
import HealthTracker
import Postgres
import TestTags
import Testing

/// `Idempotency-Key` on writes (draft-ietf-httpapi-idempotency-key-header), through the handlers
/// on a real database.
@Suite(.apiHarness, .tags(.database))
struct IdempotencyKeyTests {
    static func keyed(_ key: String) -> [String: String] {
        ["content-type": "application/json", "idempotency-key": key]
    }

    static func userRows(_ api: APITestHarness, _ email: String) throws -> Int {
        try api.connect().execute("SELECT count(*) FROM users WHERE email = $1", [email]).first!.decode(0, as: Int.self)
    }

    @Test("a repeat replays the stored 201 (same body, Idempotency-Replayed), another body is 422, and the write happened once")
    func replayAndMismatch() async throws {
        let api = try APITestHarness.require()
        let key = "create-\(UUID())"
        let body = #"{"email": "idem-\#(key)@example.com", "full_name": "Once Only"}"#
        let first = try await api.post("/api/users/", body, headers: Self.keyed(key))
        try #require(first.status == 201, "\(first.text)")
        #expect(first.headers["idempotency-replayed"] == nil)
        // The answer was lost on the way (a timeout, a dropped connection): the client sends it again.
        let again = try await api.post("/api/users/", body, headers: Self.keyed(key))
        #expect(again.status == 201)
        #expect(again.text == first.text)
        #expect(again.headers["location"] == first.headers["location"])
        #expect(again.headers["idempotency-replayed"] == "true")
        #expect(try Self.userRows(api, "idem-\(key)@example.com") == 1)

        let other = try await api.post("/api/users/", #"{"email": "other-\#(key)@example.com", "full_name": "Other"}"#, headers: Self.keyed(key))
        #expect(other.status == 422)
        #expect(other.problemType?.hasSuffix("/idempotency-key-reused") == true)
        #expect(other.contentType == "application/problem+json")
        #expect(try Self.userRows(api, "other-\(key)@example.com") == 0)
    }

    @Test("keys are scoped by route: the same key on another route is another request")
    func scopedByRoute() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let key = "scope-\(UUID())"
        let steps = try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "2026-01-02", "steps": 10}"#, headers: Self.keyed(key))
        #expect(steps.status == 201, "\(steps.text)")
        let sleep = try await api.post("/api/sleep-activity/", #"{"user_uuid": "\#(user)", "start_time": "2026-03-01T23:00:00Z", "end_time": "2026-03-02T06:30:00Z", "total_sleep_minutes": 400}"#, headers: Self.keyed(key))
        #expect(sleep.status == 201, "\(sleep.text)")
        #expect(sleep.headers["idempotency-replayed"] == nil)
    }

    @Test("a key must be 1 to 255 visible ASCII characters, else 400 and nothing written", arguments: [
        "", "has space", String(repeating: "k", count: 256), "caf\u{E9}", "tab\tkey",
    ])
    func keyFormat(_ key: String) async throws {
        let api = try APITestHarness.require()
        let email = "format-\(UUID())@example.com"
        let response = try await api.post("/api/users/", #"{"email": "\#(email)", "full_name": "Format"}"#, headers: Self.keyed(key))
        #expect(response.status == 400, "\(response.text)")
        #expect(response.problemType?.hasSuffix("/invalid-idempotency-key") == true, "\(response.text)")
        let names = try response.exactJSON()["invalid_params"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["Idempotency-Key"])
        #expect(try Self.userRows(api, email) == 0)
    }

    @Test("by default a write without a key is served: keys are optional")
    func optionalByDefault() async throws {
        let api = try APITestHarness.require()
        let created = try await api.post("/api/users/", #"{"email": "nokey-\#(UUID())@example.com", "full_name": "No Key"}"#)
        #expect(created.status == 201, "\(created.text)")
    }

    @Test("with IDEMPOTENCY_KEY=required, POST and PATCH without a key are 400 and write nothing; keyed writes, reads and DELETE are served",
          arguments: [APITestHarness.Mode.inProcess, .process])
    func required(_ mode: APITestHarness.Mode) async throws {
        try await APITestHarness.with(mode: mode, maximumInstances: 1, extraEnvironment: ["IDEMPOTENCY_KEY": "required"]) { api in
            let email = "required-\(UUID())@example.com"
            let body = #"{"email": "\#(email)", "full_name": "Required"}"#
            let refused = try await api.post("/api/users/", body)
            #expect(refused.status == 400, "\(refused.text)")
            #expect(refused.problemType?.hasSuffix("/idempotency-key-missing") == true, "\(refused.text)")
            #expect(refused.contentType == "application/problem+json")
            #expect(try Self.userRows(api, email) == 0)

            let created = try await api.post("/api/users/", body, headers: Self.keyed("required-\(UUID())"))
            #expect(created.status == 201, "\(created.text)")
            let user = try #require(created.object["user_uuid"] as? String)
            #expect(try await api.get("/api/users/\(user)").status == 200)
            let patched = try await api.patch("/api/users/\(user)", #"{"full_name": "Changed"}"#)
            #expect(patched.status == 400, "\(patched.text)")
            #expect(patched.problemType?.hasSuffix("/idempotency-key-missing") == true)
            #expect(try await api.get("/api/users/\(user)").object["full_name"] as? String == "Required")
            #expect(try await api.delete("/api/users/\(user)").status == 204)
        }
    }

    @Test("a repeat while the first is in flight is 409; concurrent repeats give exactly one row and one original 201")
    func concurrency() async throws {
        let api = try APITestHarness.require()
        // In flight, deterministically: the first request's lock, held by this test.
        let key = "inflight-\(UUID())"
        let email = "inflight-\(key)@example.com"
        let body = #"{"email": "\#(email)", "full_name": "In Flight"}"#
        let holder = try api.connect()
        try holder.executeScript("BEGIN")
        try holder.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ["anonymous POST /api/users/\n" + key])
        let blocked = try await api.post("/api/users/", body, headers: Self.keyed(key))
        #expect(blocked.status == 409, "\(blocked.text)")
        #expect(blocked.problemType?.hasSuffix("/idempotency-key-in-flight") == true)
        try holder.executeScript("ROLLBACK")
        #expect(try Self.userRows(api, email) == 0)
        #expect(try await api.post("/api/users/", body, headers: Self.keyed(key)).status == 201)

        // Really concurrent: exactly one original 201, the rest 409 or a replay of it.
        let raceKey = "race-\(UUID())"
        let raceEmail = "race-\(raceKey)@example.com"
        let raceBody = #"{"email": "\#(raceEmail)", "full_name": "Race"}"#
        // (status, replayed) of each answer.
        let answers = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let answer = try await api.post("/api/users/", raceBody, headers: Self.keyed(raceKey))
                    return (answer.status, answer.headers["idempotency-replayed"] == "true")
                }
            }
            return try await group.reduce(into: [(Int, Bool)]()) { $0.append($1) }
        }
        #expect(answers.filter { $0.0 == 201 && !$0.1 }.count == 1)
        #expect(answers.allSatisfy { $0.0 == 201 || $0.0 == 409 }, "\(answers.map(\.0))")
        #expect(try Self.userRows(api, raceEmail) == 1)
    }

    @Test("keys expire after 24 hours: an expired key is a new request, and expired keys are purged by later keyed writes")
    func expiry() async throws {
        let api = try APITestHarness.require()
        let key = "expiry-\(UUID())"
        let first = try await api.post("/api/users/", #"{"email": "first-\#(key)@example.com", "full_name": "Old"}"#, headers: Self.keyed(key))
        try #require(first.status == 201)
        try api.connect().execute("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1", [key])
        let second = try await api.post("/api/users/", #"{"email": "second-\#(key)@example.com", "full_name": "New"}"#, headers: Self.keyed(key))
        #expect(second.status == 201, "\(second.text)")
        #expect(second.headers["idempotency-replayed"] == nil)
        let kept = try api.connect().execute("SELECT count(*) FROM idempotency_keys WHERE key = $1 AND created_at < now() - interval '24 hours'", [key])
        #expect(try kept.first!.decode(0, as: Int.self) == 0)
    }
}
