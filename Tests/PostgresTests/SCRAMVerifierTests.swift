import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("SCRAM-SHA-256 verifiers made here", .tags(.database))
struct SCRAMVerifierTests {
    /// The part of a stored verifier between `$` signs: "4096:salt", "StoredKey:ServerKey".
    static func fields(_ verifier: String) -> [Substring] {
        verifier.split(separator: "$")
    }

    @Test("with the server's salt and 4,096 iterations, the verifier is the one PostgreSQL stores for ALTER ROLE ... PASSWORD")
    func matchesServer() throws {
        let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
        let role = "scram_" + UUID().uuidString.prefix(8).lowercased()
        let password = "correct horse battery staple ~!@#$%^&*()_+"
        // password_encryption is scram-sha-256 (PostgreSQL 14 and later): the server makes the verifier.
        try admin.executeScript("CREATE ROLE \(role) NOLOGIN PASSWORD 'correct horse battery staple ~!@#$%^&*()_+'")
        defer { try? admin.executeScript("DROP ROLE IF EXISTS \(role)") }
        let stored = try admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [role]).first!.decode(0, as: String.self)
        let parts = Self.fields(stored)
        try #require(parts.count == 3 && parts[1].hasPrefix("4096:"))
        let salt = try #require(Data(base64Encoded: String(parts[1].dropFirst("4096:".count))))
        #expect(SCRAMVerifier.make(password: password, iterations: 4096, salt: Array(salt)) == stored)
    }

    @Test("libpq logs in over SCRAM against a verifier of 1 iteration, and the wrong password is still refused (28P01)")
    func oneIterationAccepted() async throws {
        try await withTestDatabase { database in
            let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
            let role = "scram_one_" + database.name.suffix(12)
            try admin.createPasswordRole(role, on: database.name)
            defer { try? admin.executeScript("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
            let password = "Zq7-generated-secret-of-forty-characters"
            try admin.setPassword(role: role, password: password, iterations: 1)
            let stored = try admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [role]).first!.decode(0, as: String.self)
            #expect(stored.hasPrefix("SCRAM-SHA-256$1:"))

            var components = try #require(URLComponents(string: database.url))
            components.user = role
            components.password = password
            let connection = try PostgresConnection(configuration: PostgresConfiguration(connectionString: components.string!, applicationName: "tests"))
            #expect(try connection.execute("SELECT current_user::text").first!.decode(0, as: String.self) == role)

            components.password = password + "x"
            let refused = #expect(throws: PostgresError.self) {
                try PostgresConnection(configuration: PostgresConfiguration(connectionString: components.string!, applicationName: "tests"))
            }
            #expect(refused?.sqlState == "28P01")
        }
    }

    @Test("a password that is not printable ASCII is left to libpq (SASLprep)")
    func nonASCII() {
        #expect(SCRAMVerifier.make(password: "pässword-long-enough", iterations: 1, salt: [1, 2, 3]) == nil)
        #expect(SCRAMVerifier.make(password: "tab\tinside", iterations: 1, salt: [1, 2, 3]) == nil)
    }
}
