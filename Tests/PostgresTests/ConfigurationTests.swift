import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("Configuration from the environment", .tags(.database))
struct ConfigurationTests {
    @Test("DATABASE_URL connects with the function's application_name; the password is never shown")
    func fromDatabaseURL() async throws {
        try await withTestDatabase { database in
            let configuration = try PostgresConfiguration.fromEnvironment(
                ["DATABASE_URL": database.url], applicationName: "blood_tests"
            )
            let connection = try PostgresConnection(configuration: configuration)
            let row = try #require(try connection.execute(
                "SELECT current_database(), current_setting('application_name')"
            ).first)
            #expect(try row.decode(0, as: String.self) == database.name)
            #expect(try row.decode(1, as: String.self) == "blood_tests")

            let secret = PostgresConfiguration(
                host: "db", port: 5432, database: "d", user: "u", password: "hunter2", applicationName: "x"
            )
            #expect(!secret.redactedDescription.contains("hunter2"))
            let url = PostgresConfiguration(connectionString: "postgresql://u:hunter2@db/d", applicationName: "x")
            #expect(!url.redactedDescription.contains("hunter2"))
        }
    }

    @Test("DATABASE_URL may also be a key=value connection string")
    func keyValueString() async throws {
        try await withTestDatabase { database in
            let url = try #require(URLComponents(string: database.url))
            let keyValues = "host=\(url.host!) port=\(url.port!) user=\(url.user ?? "postgres") dbname=\(database.name)"
            let configuration = try PostgresConfiguration.fromEnvironment(["DATABASE_URL": keyValues], applicationName: "health_score")
            let row = try #require(try PostgresConnection(configuration: configuration).execute(
                "SELECT current_database(), current_setting('application_name')"
            ).first)
            #expect(try row.decode(0, as: String.self) == database.name)
            #expect(try row.decode(1, as: String.self) == "health_score")
        }
    }

    @Test("no DATABASE_URL and no secret is a configuration error")
    func missingConfiguration() {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConfiguration.fromEnvironment([:], applicationName: "users")
        }
        #expect(error?.code == .configuration)
    }

    /// Stands in for the application's secret reader, counting what it is asked.
    final class CountingSecretSource: DatabaseSecretSource, @unchecked Sendable {
        var requests: [(id: String, refresh: Bool)] = []

        func databaseSecret(id: String, refresh: Bool) throws(PostgresError) -> DatabaseSecret {
            requests.append((id, refresh))
            let json = #"{"host":"db.internal","port":"6432","username":"app","password":"pw-\#(requests.count)"}"#
            do { return try JSONDecoder().decode(DatabaseSecret.self, from: Data(json.utf8)) } catch {
                throw PostgresError(code: .configuration, message: "unreadable test secret")
            }
        }
    }

    @Test("DATABASE_SECRET_ARN is read through the source the application gives, again with refresh after a rotation; without a source it is a configuration error")
    func secretSource() throws {
        let environment = ["DATABASE_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:1:secret:db", "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"]
        let source = CountingSecretSource()
        let settings = try DatabaseSettings.fromEnvironment(environment, applicationName: "users", secrets: source)
        #expect(settings.writer.parameters.contains { $0.key == "host" && $0.value == "db.internal" })
        #expect(settings.writer.parameters.contains { $0.key == "password" && $0.value == "pw-1" })
        let refreshed = try #require(try settings.withRefreshedSecret())
        #expect(refreshed.writer.parameters.contains { $0.key == "password" && $0.value == "pw-2" })
        #expect(source.requests.map(\.refresh) == [false, true])
        #expect(source.requests.allSatisfy { $0.id == environment["DATABASE_SECRET_ARN"] })

        let error = #expect(throws: PostgresError.self) {
            try DatabaseSettings.fromEnvironment(environment, applicationName: "users")
        }
        #expect(error?.code == .configuration)
    }
}
