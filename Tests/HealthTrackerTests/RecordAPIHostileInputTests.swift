import Foundation
import Postgres
import TestTags
import Testing

/// Bodies an attacker sends, through the real function binaries: strict JSON, flat bodies,
/// exact numbers, bounded problem documents, identity before parsing, e-mail ownership.
@Suite(.apiHarness, .tags(.database))
struct RecordAPIHostileInputTests {
    /// The issue's 4 KB body: nesting 500 deep around a thousand empty objects.
    static let nested = String(repeating: "[", count: 500) + String(repeating: "{},", count: 1000) + "{}" + String(repeating: "]", count: 500)

    @Test func deeplyNestedBodiesAre400() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        for body in [Self.nested, #"{"user_uuid": "\#(user)", "date": "2026-01-01", "steps": \#(Self.nested)}"#, #"{"steps": {"a": 1}}"#] {
            let response = try await api.post("/api/physical-activity/", body)
            #expect(response.status == 400, "\(response.text)")
            #expect(response.problemType == "/problems/malformed-body")
        }
    }

    @Test func aCallerWhoCanOwnNothingIsRefusedBeforeTheBodyIsRead() async throws {
        let api = try APITestHarness.require()
        // A token whose sub is not a UUID, and no admin scope: 403, not a parse error.
        let response = try await api.post("/api/physical-activity/", Self.nested, auth: .claims(["sub": "not-a-uuid"]))
        #expect(response.status == 403, "\(response.text)")
        let users = try await api.post("/api/users/", Self.nested, auth: .claims(["sub": "not-a-uuid"]))
        #expect(users.status == 403, "\(users.text)")
    }

    @Test(arguments: [
        #"{"email": "a@example.com", "full_name": "A",}"#,
        #"{"email": "a@example.com", "full_name": "A"} // comment"#,
        #"{'email': 'a@example.com', "full_name": "A"}"#,
        #"{"email": "a@example.com", "full_name": "A", "date_of_birth": NaN}"#,
    ])
    func nonJSONIsRejectedAndNothingIsStored(_ body: String) async throws {
        let api = try APITestHarness.require()
        let response = try await api.post("/api/users/", body)
        #expect(response.status == 400, "\(response.text)")
        #expect(response.problemType == "/problems/malformed-body")
        let rows = try api.connect().execute("SELECT count(*) FROM users WHERE email = 'a@example.com'")
        #expect(try rows[0].decode(0, as: Int.self) == 0)
    }

    @Test func aDuplicateMemberIs400NamingIt() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let body = #"{"user_uuid": "\#(user)", "date": "2026-01-02", "steps": 10, "st\u0065ps": 20}"#
        let response = try await api.post("/api/physical-activity/", body)
        #expect(response.status == 400, "\(response.text)")
        #expect(response.problemType == "/problems/malformed-body")
        #expect(response.invalidNames == ["steps"])
    }

    @Test func digitsBeyondWhatIsStoredExactlyAre422NamingTheField() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let long = "95." + String(repeating: "0", count: 97) + "1"  // 100 significant digits
        let rejected = try await api.post("/api/bio-metrics/", #"{"user_uuid": "\#(user)", "recorded": "2026-01-01T07:00:00Z", "weight_kg": \#(long)}"#)
        #expect(rejected.status == 422, "\(rejected.text)")
        #expect(rejected.invalidNames == ["weight_kg"])
        // 38 significant digits are kept to the last one.
        let exact = "95." + String(repeating: "0", count: 35) + "1"
        let stored = try await api.post("/api/bio-metrics/", #"{"user_uuid": "\#(user)", "recorded": "2026-01-02T07:00:00Z", "weight_kg": \#(exact)}"#)
        #expect(stored.status == 201, "\(stored.text)")
        #expect(stored.text.contains("\"weight_kg\":\(exact)"), "\(stored.text)")
        // An integer field too: 2 followed by 40 zeros after the point is not rounded to 2.
        let integer = try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "2026-01-03", "steps": 2.\#(String(repeating: "0", count: 40))1}"#)
        #expect(integer.status == 422, "\(integer.text)")
        #expect(integer.invalidNames == ["steps"])
        #expect(integer.text.contains("digits"), "\(integer.text)")
        // Trailing zeros are not digits that matter: 1 with 60 zeros, times 1e-60, is 1.
        let one = try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "2026-01-05", "steps": 1\#(String(repeating: "0", count: 60))e-60}"#)
        #expect(one.status == 201, "\(one.text)")
        #expect(one.text.contains(#""steps":1"#), "\(one.text)")
    }

    @Test func aMegabyteOfUnknownMembersGivesABoundedProblem() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        // About 1 MiB: 60,000 unknown members, and one name of 20,000 escaped control characters.
        var body = #"{"user_uuid": "\#(user)", "date": "2026-01-04", "steps": 1, "\#(String(repeating: "\\u0001", count: 20_000))": 0"#
        for index in 0..<60_000 { body += ",\"k\(index)\":0" }
        body += "}"
        #expect(body.utf8.count <= 1 << 20)
        let response = try await api.post("/api/physical-activity/", body)
        #expect(response.status == 422)
        let params = response.object["invalid_params"] as? [[String: Any]] ?? []
        #expect(params.count == 100)
        #expect(response.object["invalid_params_omitted"] as? Int == 60_001 - 100)
        #expect(response.object["detail"] as? String == "60001 fields are invalid")
        #expect(response.text.utf8.count < 64 * 1024, "\(response.text.utf8.count) bytes")
    }

    @Test func aVerifiedAddressIsTheOnlyOneAUserMayHave() async throws {
        let api = try APITestHarness.require()
        let owner = UUID().uuidString.lowercased()
        let address = "owner-\(owner)@example.com"
        let token = APIAuth.claims(["sub": owner, "email": address, "email_verified": "true"])
        let other = try await api.post("/api/users/", #"{"email": "someone-else@example.com", "full_name": "O"}"#, auth: token)
        #expect(other.status == 422, "\(other.text)")
        #expect(other.invalidNames == ["email"])
        let created = try await api.post("/api/users/", #"{"email": "\#(address.uppercased())", "full_name": "O"}"#, auth: token)
        #expect(created.status == 201, "\(created.text)")
        let patched = try await api.patch("/api/users/\(owner)", #"{"email": "elsewhere@example.com"}"#, auth: token)
        #expect(patched.status == 422, "\(patched.text)")
        #expect(patched.invalidNames == ["email"])

        // Someone without a verified address cannot tell the address is taken from the answer.
        let squatter = UUID().uuidString.lowercased()
        let taken = try await api.post("/api/users/", #"{"email": "\#(address)", "full_name": "S"}"#, auth: .user(UUID(uuidString: squatter)!))
        #expect(taken.status == 409)
        let again = try await api.post("/api/users/", #"{"email": "free-\#(squatter)@example.com", "full_name": "S"}"#, auth: .user(UUID(uuidString: owner)!))
        #expect(again.status == 409)
        #expect(taken.object["detail"] as? String == again.object["detail"] as? String)
    }
}
