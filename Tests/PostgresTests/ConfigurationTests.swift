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
}
