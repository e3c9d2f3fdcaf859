import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

@Suite("Credentials through the Parameters and Secrets Lambda Extension", .tags(.database))
struct SecretsExtensionTests {
    static let arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:health/db-AbCdEf"

    /// The extension's answer: Secrets Manager's GetSecretValue shape, the secret as a JSON string.
    static func extensionBody(secret: [String: Any]) throws -> String {
        let inner = String(decoding: try JSONSerialization.data(withJSONObject: secret), as: UTF8.self)
        let outer: [String: Any] = ["ARN": arn, "Name": "health/db", "SecretString": inner, "VersionStages": ["AWSCURRENT"]]
        return String(decoding: try JSONSerialization.data(withJSONObject: outer), as: UTF8.self)
    }

    static func environment(port: Int) -> [String: String] {
        [
            "DATABASE_SECRET_ARN": arn, "AWS_SESSION_TOKEN": "session-token-value",
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT": String(port),
            // Ignored when the secret is set.
            "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none",
        ]
    }

    @Test("the secret is read once with the session token, and its fields open the connection")
    func connectsWithSecret() async throws {
        try await withTestDatabase { database in
            let admin = try #require(URLComponents(string: database.url))
            let secret: [String: Any] = [
                "engine": "postgres", "host": admin.host!, "port": admin.port!, "dbname": database.name,
                "username": admin.user ?? "postgres", "password": "a p@ss'word;=\"",
            ]
            let standIn = try await StandInSecretsExtension(status: .ok, body: try Self.extensionBody(secret: secret))
            do {
                let configuration = try DatabaseSettings.fromFunctionEnvironment(
                    Self.environment(port: standIn.port), applicationName: "sleep_activity"
                ).writer
                let connection = try PostgresConnection(configuration: configuration)
                let row = try #require(try connection.execute(
                    "SELECT current_database(), current_setting('application_name')"
                ).first)
                #expect(try row.decode(0, as: String.self) == database.name)
                #expect(try row.decode(1, as: String.self) == "sleep_activity")
                #expect(!configuration.redactedDescription.contains("p@ss"))

                let requests = standIn.received
                #expect(requests.count == 1)
                #expect(requests.first?.method == "GET")
                #expect(requests.first?.uri == "/secretsmanager/get?secretId=arn%3Aaws%3Asecretsmanager%3Aeu-west-1%3A123456789012%3Asecret%3Ahealth%2Fdb-AbCdEf")
                #expect(requests.first?.token == "session-token-value")
            } catch {
                try await standIn.shutdown()
                throw error
            }
            try await standIn.shutdown()
        }
    }

    @Test("a port written as a string and a missing dbname are accepted")
    func lenientSecret() async throws {
        let body = try Self.extensionBody(secret: ["host": "db.internal", "port": "6432", "username": "app", "password": "x"])
        let standIn = try await StandInSecretsExtension(status: .ok, body: body)
        let configuration = Result { try DatabaseSettings.fromFunctionEnvironment(Self.environment(port: standIn.port), applicationName: "users").writer }
        try await standIn.shutdown()
        let pairs = try configuration.get().parameters
        #expect(pairs.contains { $0.key == "port" && $0.value == "6432" })
        #expect(pairs.contains { $0.key == "dbname" && $0.value == "postgres" })
        #expect(pairs.contains { $0.key == "host" && $0.value == "db.internal" })
    }

    @Test("an error answer, a secret without a password, or no session token is a configuration error")
    func failures() async throws {
        let denied = try await StandInSecretsExtension(status: .forbidden, body: #"{"message":"no"}"#)
        let deniedResult = Result { try DatabaseSettings.fromFunctionEnvironment(Self.environment(port: denied.port), applicationName: "users").writer }
        try await denied.shutdown()
        #expect(throws: PostgresError.self) { try deniedResult.get() }

        let partial = try await StandInSecretsExtension(status: .ok, body: try Self.extensionBody(secret: ["host": "h", "username": "u"]))
        let partialResult = Result { try DatabaseSettings.fromFunctionEnvironment(Self.environment(port: partial.port), applicationName: "users").writer }
        try await partial.shutdown()
        let error = try #require(throws: PostgresError.self) { try partialResult.get() }
        #expect(error.code == .configuration)

        var noToken = Self.environment(port: 9)
        noToken["AWS_SESSION_TOKEN"] = nil
        let tokenError = try #require(throws: PostgresError.self) {
            try DatabaseSettings.fromFunctionEnvironment(noToken, applicationName: "users").writer
        }
        #expect(tokenError.code == .configuration)
    }
}
