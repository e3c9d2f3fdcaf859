import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// One address, one user, through the real binaries: NFC and case-folded look-alikes are
/// 409, mixed scripts, display names and address literals are 422, and the stored form is NFC.
@Suite("E-mail identity through the binaries", .apiHarness(.process), .tags(.process))
struct EmailIdentityAPITests {
    @Test func lookAlikesAreOneUser() async throws {
        let api = try APITestHarness.require()
        let tag = UUID().uuidString.prefix(8).lowercased()
        func create(_ email: String) async throws -> (status: Int, object: [String: Any]) {
            let body = try JSONSerialization.data(withJSONObject: ["email": email, "full_name": "Look Alike"])
            let reply = try await api.post("/api/users/", String(decoding: body, as: UTF8.self))
            return (reply.status, reply.object)
        }
        // Sent decomposed, stored composed.
        let first = try await create("jose\u{301}-\(tag)@example.com")
        #expect(first.status == 201)
        #expect((first.object["email"] as? String).map { Array($0.unicodeScalars) } == Array("jos\u{E9}-\(tag)@example.com".unicodeScalars))
        #expect(try await create("jos\u{E9}-\(tag)@example.com").status == 409)
        #expect(try await create("JOSE\u{301}-\(tag)@EXAMPLE.COM").status == 409)

        #expect(try await create("stra\u{DF}e-\(tag)@example.de").status == 201)
        #expect(try await create("STRASSE-\(tag)@EXAMPLE.DE").status == 409)
        #expect(try await create("stra\u{1E9E}e-\(tag)@example.de").status == 409)

        for refused in ["p\u{430}ypal-\(tag)@example.com", "<ada-\(tag)@example.com>", "Ada <ada-\(tag)@example.com>", "ada-\(tag)@[127.0.0.1]"] {
            let reply = try await create(refused)
            #expect(reply.status == 422, "\(refused)")
        }

        // A PATCH to a look-alike of another user's address is taken too.
        let other = try await create("other-\(tag)@example.com")
        let uuid = try #require(other.object["user_uuid"] as? String)
        let patched = try await api.patch("/api/users/\(uuid)", #"{"email": "STRASSE-\#(tag)@example.de"}"#)
        #expect(patched.status == 409)
    }
}

/// Migration 3 on a database that already holds look-alikes: it names them and changes nothing.
@Suite("Migration 3 (email_identity)", .tags(.database))
struct EmailIdentityMigrationTests {
    @Test func collisionsAreReportedAndNothingChanges() async throws {
        try await withTestDatabase(migrations: Array(HealthTrackerSchema.migrations.prefix(2))) { database in
            let connection = try database.connect()
            let first = UUID().uuidString.lowercased(), second = UUID().uuidString.lowercased(), third = UUID().uuidString.lowercased()
            try connection.execute(
                "INSERT INTO users (user_uuid, email, full_name) VALUES ($1::uuid, $2, 'A'), ($3::uuid, $4, 'B'), ($5::uuid, $6, 'C')",
                [first, "stra\u{DF}e@example.de", second, "STRASSE@example.de", third, "jose\u{301}@example.com"])
            let error = #expect(throws: PostgresError.self) { try HealthTrackerSchema.migrator.migrate(connection) }
            #expect(error?.message.contains("1 group") == true, "\(String(describing: error))")
            #expect(error?.message.contains(first) == true && error?.message.contains(second) == true)
            #expect(try Migrator.currentVersion(connection) == 2)

            // Resolved by the operator, it applies: keys set, the address in NFC, the index unique.
            try connection.execute("DELETE FROM users WHERE user_uuid = $1::uuid", [second])
            #expect(try HealthTrackerSchema.migrator.migrate(connection).first == 3)
            let row = try #require(try connection.execute("SELECT email, email_key FROM users WHERE user_uuid = $1::uuid", [third]).first)
            #expect(Array(try row.decode(0, as: String.self).unicodeScalars) == Array("jos\u{E9}@example.com".unicodeScalars))
            let taken = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO users (user_uuid, email, full_name, email_key) VALUES ($1::uuid, 'x@y', 'D', 'strasse@example.de')", [UUID().uuidString])
            }
            #expect(taken?.constraint == "users_email_key")
            // Rows written by SQL alone get a key from the trigger.
            try connection.execute("INSERT INTO users (user_uuid, email, full_name) VALUES ($1::uuid, 'Seed@Example.com', 'E')", [UUID().uuidString])
            #expect(try connection.execute("SELECT count(*) FROM users WHERE email_key = 'seed@example.com'").first?.decode(0, as: Int.self) == 1)
        }
    }
}
