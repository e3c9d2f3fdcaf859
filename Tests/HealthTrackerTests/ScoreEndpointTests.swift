import Foundation
import HealthScore
@testable import HealthTracker
import ScoreTestSupport
import LambdaHTTP
import TestTags
import Testing
import UTCTime

/// `GET /api/get_health_score`'s parameters, ownership and problems (spec §7).
@Suite("Score endpoint: parameters and problems", .apiHarness, .tags(.database))
struct ScoreEndpointTests {
    static let now = ScoreFixture.instant("2025-06-15T12:00:00Z")
    static let user = "9d24e790-d646-4d0d-ba50-b95153eb6ec4"

    static func problem(_ items: [(String, String)]) -> Problem? {
        do {
            _ = try HealthScoreQuery(QueryParameters(items), now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test("valid: as_of defaults to now; an offset is read as an instant; the UUID in either case")
    func valid() throws {
        let plain = try HealthScoreQuery(QueryParameters([("user_uuid", Self.user)]), now: Self.now)
        #expect(plain.userUUID == UUID(uuidString: Self.user) && plain.asOf == Self.now)
        let offset = try HealthScoreQuery(
            QueryParameters([("user_uuid", Self.user.uppercased()), ("as_of", "2025-06-16T01:30:00.25+02:00")]), now: Self.now
        )
        #expect(offset.userUUID == UUID(uuidString: Self.user))
        #expect(offset.asOf.rfc3339 == "2025-06-15T23:30:00.25Z")
        // Unknown parameters are not the score's business (spec §7 names only these two).
        #expect(Self.problem([("user_uuid", Self.user), ("utm_source", "x")]) == nil)
    }

    @Test("400 for each bad user_uuid", arguments: [
        "", "9d24e790-d646-4d0d-ba50-b95153eb6ec", "9d24e790d6464d0dba50b95153eb6ec4", "{9d24e790-d646-4d0d-ba50-b95153eb6ec4}",
        "9d24e790-d646-4d0d-ba50-b95153eb6ecg", " 9d24e790-d646-4d0d-ba50-b95153eb6ec4", "9d24e790-d646-4d0d-ba50-b95153eb6ec4 ",
    ])
    func badUserUUID(text: String) throws {
        let problem = try #require(Self.problem([("user_uuid", text), ("as_of", "2025-06-15T12:00:00Z")]))
        #expect(problem.type == .invalidParameter && problem.status == 400)
        #expect(problem.invalidParams.map(\.name) == ["user_uuid"])
    }

    @Test("400 for each bad as_of", arguments: [
        "", "2025-06-15T12:00:00", "2025-06-15", "2025-06-15T12:00:00 02:00", "2025-06-15T12:00:00+0200",
        "2025-06-15T25:00:00Z", "2025-02-30T12:00:00Z", "2025-06-15T12:00:60Z", "now", "1749988800",
        // Its windows would start before year 1: not echoable as RFC 3339.
        "0001-06-01T00:00:00Z", "0001-01-01T00:30:00+01:00",
    ])
    func badAsOf(text: String) throws {
        let problem = try #require(Self.problem([("user_uuid", Self.user), ("as_of", text)]))
        #expect(problem.type == .invalidParameter && problem.title == "Invalid query parameter")
        #expect(problem.invalidParams.map(\.name) == ["as_of"])
    }

    @Test("as_of at the edges of the range it can echo")
    func asOfEdges() throws {
        let early = try HealthScoreQuery(QueryParameters([("user_uuid", Self.user), ("as_of", "0001-12-31T00:00:00Z")]), now: Self.now)
        #expect(ScoreWindows(asOf: early.asOf).bloodTests.lowerBound.description == "0001-01-01")
        let late = try HealthScoreQuery(QueryParameters([("user_uuid", Self.user), ("as_of", "9999-12-31T23:59:59.999999Z")]), now: Self.now)
        #expect(late.asOf.rfc3339 == "9999-12-31T23:59:59.999999Z")
        #expect(Self.problem([("user_uuid", Self.user), ("as_of", "9999-12-31T23:59:59-00:01")]) != nil)
    }

    @Test("every bad parameter in one 400, user_uuid first; repeated and missing parameters")
    func allIssues() throws {
        let both = try #require(Self.problem([("as_of", "yesterday"), ("user_uuid", "nope")]))
        #expect(both.invalidParams.map(\.name) == ["user_uuid", "as_of"])
        #expect(both.detail == "2 query parameters are invalid")
        let missing = try #require(Self.problem([]))
        #expect(missing.invalidParams.map(\.name) == ["user_uuid"])
        let repeated = try #require(Self.problem([("user_uuid", Self.user), ("user_uuid", Self.user), ("as_of", "2025-06-15T12:00:00Z"), ("as_of", "2025-06-15T12:00:00Z")]))
        #expect(repeated.invalidParams.map(\.name) == ["user_uuid", "as_of"])
    }

    @Test("through the function: a raw '+' (decoded to a space) is 400; %2B is read as the offset")
    func plusInQuery() async throws {
        let api = try APITestHarness.require()
        let user = try api.makeUser()
        let raw = try await api.get("/api/get_health_score", query: "user_uuid=\(user)&as_of=2025-06-16T01:30:00+02:00")
        #expect(raw.status == 400 && raw.contentType == "application/problem+json")
        let rawBody = try raw.exactJSON()
        #expect(rawBody["type"]?.stringValue == "/problems/invalid-parameter")
        #expect(rawBody["invalid_params"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["as_of"])
        #expect(rawBody["request_id"]?.stringValue?.isEmpty == false)
        let encoded = try await api.get("/api/get_health_score", query: "user_uuid=\(user)&as_of=2025-06-16T01%3A30%3A00%2B02%3A00")
        // No records: 422, as of the instant the offset names.
        #expect(encoded.status == 422)
        #expect(try encoded.exactJSON()["as_of"]?.stringValue == "2025-06-15T23:30:00Z")
    }

    @Test("through the function: 404 for an unknown user, after the parameters; as_of defaults to the time of the request")
    func notFoundAndDefaultAsOf() async throws {
        let api = try APITestHarness.require()
        let unknown = try await api.score(userUUID: UUID().uuidString, asOf: "2025-06-15T12:00:00Z")
        #expect(unknown.status == 404 && unknown.contentType == "application/problem+json")
        let body = try unknown.exactJSON()
        #expect(body["type"]?.stringValue == "/problems/user-not-found" && body["title"]?.stringValue == "User not found")
        // A bad parameter wins over an unknown user: no lookup happens.
        let bad = try await api.score(userUUID: UUID().uuidString, asOf: "2025-06-15")
        #expect(bad.status == 400)

        let user = try api.makeUser()
        let before = Instant.now()
        let response = try await api.score(userUUID: user.uppercased(), asOf: nil)
        let after = Instant.now()
        #expect(response.status == 422)
        let asOfText = try #require(try response.exactJSON()["as_of"]?.stringValue)
        let asOf = try #require(Instant(rfc3339: asOfText))
        #expect(before <= asOf && asOf <= after)
    }

    @Test("through the function with AUTH_MODE=jwt: 401 without identity, 403 for another user (after the parameters), the owner and an admin pass")
    func ownership() async throws {
        let api = try APITestHarness.require()
        // To the AUTH_MODE=jwt functions.
        let user = try api.makeUser()
        let other = UUID().uuidString.lowercased()
        let asOf = "2025-06-15T12:00:00Z"
        #expect(try await api.score(userUUID: user, asOf: asOf, auth: .anonymous).status == 401)
        let forbidden = try await api.score(userUUID: user, asOf: asOf, auth: .claims(["sub": other]))
        #expect(forbidden.status == 403)
        #expect(try forbidden.exactJSON()["type"]?.stringValue == "/problems/forbidden")
        // Parameters are checked first.
        #expect(try await api.score(userUUID: user, asOf: "bad", auth: .claims(["sub": other])).status == 400)
        // Ownership before the lookup: an unknown user is 403 for anyone but an admin.
        #expect(try await api.score(userUUID: UUID().uuidString, asOf: asOf, auth: .claims(["sub": other])).status == 403)
        #expect(try await api.score(userUUID: user, asOf: asOf, auth: .claims(["sub": user])).status == 422)
        let admin = ["sub": "machine-client", "scope": "health-tracker/admin"]
        #expect(try await api.score(userUUID: user, asOf: asOf, auth: .claims(admin)).status == 422)
        #expect(try await api.score(userUUID: other, asOf: asOf, auth: .claims(admin)).status == 404)
    }
}
