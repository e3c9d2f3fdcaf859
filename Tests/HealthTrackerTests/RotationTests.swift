import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// A rotated password: the connection refused for it (28P01) reads the secret again,
/// bypassing the extension's cache, and connects with the new one.
@Suite("Credential rotation", .tags(.database))
struct RotationTests {
    @Test("after ALTER ROLE ... PASSWORD, a new secret and a terminated backend, the next unit connects with the new password")
    func rotatedPassword() async throws {
        try await withTestDatabase { database in
            let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
            let role = "rotating_" + database.name.suffix(12)
            try admin.createPasswordRole(role, password: "first-password", privileges: "ALL", on: database.name)
            defer { try? admin.executeScript("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
            let url = try #require(URLComponents(string: database.url))
            func secret(_ password: String) throws -> String {
                try SecretsExtensionTests.extensionBody(secret: [
                    "host": url.host!, "port": url.port!, "dbname": database.name, "username": role, "password": password,
                ])
            }
            let standIn = try await StandInSecretsExtension(status: .ok, body: try secret("first-password"))
            do {
                let settings = try DatabaseSettings.fromFunctionEnvironment(
                    DatabaseSettingsTests.secretEnvironment(port: standIn.port), applicationName: "users")
                let session = PostgresSession(settings: settings)
                let user = { (connection: PostgresConnection) in
                    (connection.backendPID, try connection.execute("SELECT current_user").first!.decode(0, as: String.self))
                }
                let before = try session.run(.readOnly, user)
                #expect(before.1 == role)
                #expect(standIn.received.count == 1)

                // The rotation: the server and the secret change; the old backend goes away.
                try admin.executeScript("ALTER ROLE \(role) PASSWORD 'second-password'")
                standIn.setBody(try secret("second-password"))
                try admin.execute("SELECT pg_terminate_backend($1, 5000)", [before.0])

                let after = try session.run(.readOnly, user)
                #expect(after.1 == role && after.0 != before.0)
                let requests = standIn.received
                #expect(requests.count == 2)
                #expect(requests.last?.uri.hasSuffix("&refreshNow=true") == true)

                // A wrong password that persists after the secret was read again is a configuration
                // error (500, no Retry-After), not a crash and not an outage to retry.
                try admin.executeScript("ALTER ROLE \(role) PASSWORD 'third-password'")
                try admin.execute("SELECT pg_terminate_backend($1, 5000)", [after.0])
                let error = #expect(throws: PostgresError.self) { try session.run(.readOnly, user) }
                #expect(error?.sqlState == "28P01" && error?.code == .configuration && error?.httpStatus == 500)
            } catch {
                try await standIn.shutdown()
                throw error
            }
            try await standIn.shutdown()
        }
    }
}
