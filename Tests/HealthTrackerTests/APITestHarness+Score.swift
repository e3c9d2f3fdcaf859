import Foundation
import Testing

/// The score tests' shortcuts on the harness.
extension APITestHarness {
    /// `GET /api/get_health_score` with the parameters given (nil leaves one out).
    func score(userUUID: String?, asOf: String?, auth: APIAuth = .off) async throws -> APIResponse {
        var query: [(String, String)] = []
        if let userUUID { query.append(("user_uuid", userUUID)) }
        if let asOf { query.append(("as_of", asOf)) }
        return try await get("/api/get_health_score", query: Self.query(query), auth: auth)
    }

    /// A user made with SQL (no record endpoint involved); its UUID in lower case.
    func makeUser() throws -> String {
        let user = UUID().uuidString.lowercased()
        let connection = try connect()
        defer { connection.close() }
        try connection.execute("INSERT INTO users (user_uuid, email, full_name) VALUES ($1, $2, 'Score test')", [user, user + "@example.com"])
        return user
    }
}
