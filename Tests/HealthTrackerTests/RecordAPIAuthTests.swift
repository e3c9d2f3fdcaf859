import Foundation
import HealthTracker
import TestTags
import Testing

/// AUTH_MODE=jwt: the caller's `sub` is their user; the admin scope may act on anyone.
@Suite(.apiHarness, .tags(.database))
struct RecordAPIAuthTests {
    /// A user created through the jwt function with their own token.
    private func signUp(_ api: APITestHarness) async throws -> UUID {
        let uuid = UUID()
        let response = try await api.post("/api/users/", #"{"email": "\#(uuid.uuidString.lowercased())@example.com", "full_name": "Owner"}"#, auth: .user(uuid))
        try #require(response.status == 201, "\(response.text)")
        #expect(response.object["user_uuid"] as? String == uuid.uuidString.lowercased())
        return uuid
    }

    @Test func noClaimsIs401() async throws {
        let api = try APITestHarness.require()
        let uuid = UUID().uuidString.lowercased()
        for response in [
            try await api.get("/api/users/\(uuid)", auth: .anonymous),
            try await api.get("/api/blood-tests/\(uuid)", auth: .anonymous),
            try await api.post("/api/users/", #"{"email": "a@example.com", "full_name": "A"}"#, auth: .anonymous),
            try await api.get("/api/users/\(uuid)", auth: .claims(["scope": Caller.adminScope])),
        ] {
            #expect(response.status == 401)
            #expect(response.problemType == "/problems/unauthorized")
            #expect((response.object["request_id"] as? String)?.isEmpty == false)
        }
    }

    @Test func aUserCanNeitherReadNorChangeAnotherUsersRecords() async throws {
        let api = try APITestHarness.require()
        let a = try await signUp(api), b = try await signUp(api)
        let bText = b.uuidString.lowercased()
        #expect(try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(bText)", "test_date": "2026-01-05", "hba1c_percent": 5.1}"#, auth: .user(b)).status == 201)
        #expect(try await api.post("/api/sleep-activity/", #"{"user_uuid": "\#(bText)", "date": "2026-01-05", "total_sleep_minutes": 420}"#, auth: .user(b)).status == 201)

        let attempts = [
            try await api.get("/api/users/\(bText)", auth: .user(a)),
            try await api.patch("/api/users/\(bText)", #"{"full_name": "Mallory"}"#, auth: .user(a)),
            try await api.delete("/api/users/\(bText)", auth: .user(a)),
            try await api.get("/api/blood-tests/\(bText)", auth: .user(a)),
            try await api.get("/api/blood-tests/\(bText)/2026-01-05", auth: .user(a)),
            try await api.patch("/api/blood-tests/\(bText)/2026-01-05/update", #"{"hba1c_percent": 9}"#, auth: .user(a)),
            try await api.delete("/api/blood-tests/\(bText)/delete", query: "all=true", auth: .user(a)),
            try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(bText)", "test_date": "2026-01-06", "hba1c_percent": 5.1}"#, auth: .user(a)),
            try await api.patch("/api/sleep-activity/\(bText)/update", #"{"date": "2026-01-05", "awakenings": 9}"#, auth: .user(a)),
            try await api.get("/api/users/", auth: .user(a)),
        ]
        for response in attempts {
            #expect(response.status == 403, "\(response.text)")
            #expect(response.problemType == "/problems/forbidden")
        }
        // Nothing changed.
        let tests = try await api.get("/api/blood-tests/\(bText)", auth: .user(b))
        #expect(tests.items.count == 1)
        #expect(tests.text.contains("\"hba1c_percent\":5.1"))
        let user = try await api.get("/api/users/\(bText)", auth: .user(b))
        #expect(user.object["full_name"] as? String == "Owner")
        #expect(try await api.get("/api/sleep-activity/\(bText)/2026-01-05", auth: .user(b)).object["awakenings"] is NSNull)
    }

    @Test func ownersAndAdmins() async throws {
        let api = try APITestHarness.require()
        let owner = try await signUp(api)
        let text = owner.uuidString.lowercased()
        #expect(try await api.patch("/api/users/\(text)", #"{"sex": "other"}"#, auth: .user(owner)).status == 200)
        #expect(try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(text)", "date": "2026-01-05", "steps": 10}"#, auth: .user(owner)).status == 201)
        #expect(try await api.get("/api/physical-activity/\(text)", auth: .admin()).items.count == 1)
        #expect(try await api.patch("/api/physical-activity/\(text)/update", #"{"date": "2026-01-05", "steps": 11}"#, auth: .admin()).status == 200)
        #expect(try await api.get("/api/users/", auth: .admin()).status == 200)

        // Signing up twice with one token: the user exists.
        let again = try await api.post("/api/users/", #"{"email": "other-\#(text)@example.com", "full_name": "Twice"}"#, auth: .user(owner))
        #expect(again.status == 409)
        // A machine token that is not a user and not an admin cannot create users.
        let machine = try await api.post("/api/users/", #"{"email": "m@example.com", "full_name": "M"}"#, auth: .claims(["sub": "some-client", "scope": "openid"]))
        #expect(machine.status == 403)
        // An admin creates users with server-made UUIDs.
        let made = try await api.post("/api/users/", #"{"email": "admin-made-\#(text)@example.com", "full_name": "Made"}"#, auth: .admin())
        #expect(made.status == 201)
        #expect((made.object["user_uuid"] as? String).flatMap(UUID.init(uuidString:)) != nil)

        #expect(try await api.delete("/api/users/\(text)", auth: .user(owner)).status == 204)
        #expect(try await api.get("/api/users/\(text)", auth: .admin()).status == 404)
    }
}
