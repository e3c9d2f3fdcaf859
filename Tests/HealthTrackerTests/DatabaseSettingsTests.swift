import Foundation
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// Every way a deployment names its database: a URL, a secret with its host, a secret with
/// only credentials plus DATABASE_HOST/PORT/NAME, a proxy endpoint, and a reader.
@Suite("Database settings from the environment", .tags(.database))
struct DatabaseSettingsTests {
    static func secretEnvironment(port: Int) -> [String: String] {
        [
            "DATABASE_SECRET_ARN": SecretsExtensionTests.arn, "AWS_SESSION_TOKEN": "session-token-value",
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT": String(port),
        ]
    }

    /// Runs `body` with a stand-in extension serving `secret`.
    static func withSecret<T>(_ secret: [String: Any], _ body: (StandInSecretsExtension) async throws -> T) async throws -> T {
        let standIn = try await StandInSecretsExtension(status: .ok, body: try SecretsExtensionTests.extensionBody(secret: secret))
        do {
            let value = try await body(standIn)
            try await standIn.shutdown()
            return value
        } catch {
            try await standIn.shutdown()
            throw error
        }
    }

    static func facts(_ configuration: PostgresConfiguration) throws -> (database: String, inRecovery: Bool, pooled: Bool) {
        let connection = try PostgresConnection(configuration: configuration)
        let row = try #require(try connection.execute("SELECT current_database(), pg_is_in_recovery()").first)
        return (try row.decode(0, as: String.self), try row.decode(1, as: Bool.self), configuration.pooled)
    }

    @Test("a secret with only credentials takes host, port and database from DATABASE_HOST, DATABASE_PORT and DATABASE_NAME")
    func secretWithoutHost() async throws {
        try await withTestDatabase { database in
            let url = try #require(URLComponents(string: database.url))
            try await Self.withSecret(["username": url.user ?? "postgres", "password": "unused"]) { standIn in
                var environment = Self.secretEnvironment(port: standIn.port)
                // Without DATABASE_HOST there is nowhere to connect: a configuration error at init.
                let missing = #expect(throws: PostgresError.self) {
                    try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "users")
                }
                #expect(missing?.code == .configuration)
                environment["DATABASE_HOST"] = url.host!
                environment["DATABASE_PORT"] = String(url.port!)
                environment["DATABASE_NAME"] = database.name
                let settings = try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "users")
                #expect(settings.reader == nil)
                #expect(try Self.facts(settings.writer).database == database.name)
            }
        }
    }

    @Test("DATABASE_HOST and DATABASE_PORT override the secret's own host and port (a proxy endpoint, pooled)")
    func proxyEndpoint() async throws {
        let poolerPort = try TestHelperServers.poolerPort()
        try await withTestDatabase { database in
            let url = try #require(URLComponents(string: database.url))
            // The secret names the cluster directly, on a port where nothing listens: only the
            // overrides can make the connection work.
            let secret: [String: Any] = [
                "host": "127.0.0.1", "port": try TCPListener.closedPort(), "dbname": database.name,
                "username": url.user ?? "postgres", "password": "unused",
            ]
            try await Self.withSecret(secret) { standIn in
                var environment = Self.secretEnvironment(port: standIn.port)
                environment["DATABASE_HOST"] = "127.0.0.1"
                environment["DATABASE_PORT"] = String(poolerPort)
                environment["DATABASE_POOLED"] = "true"
                let settings = try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "users")
                let facts = try Self.facts(settings.writer)
                #expect(facts.database == database.name)
                #expect(facts.pooled)
                // The same secret without the overrides fails to connect.
                let direct = try DatabaseSettings.fromFunctionEnvironment(Self.secretEnvironment(port: standIn.port), applicationName: "users")
                #expect(throws: PostgresError.self) { try PostgresConnection(configuration: direct.writer) }
            }
        }
    }

    @Test("DATABASE_URL with DATABASE_PORT and DATABASE_NAME: the settings win over the URL's")
    func urlWithOverrides() async throws {
        try await withTestDatabase { database in
            let url = try #require(URLComponents(string: database.url))
            var wrong = url
            wrong.port = try TCPListener.closedPort()
            wrong.path = "/postgres"
            let settings = try DatabaseSettings.fromEnvironment([
                "DATABASE_URL": wrong.string!, "DATABASE_PORT": String(url.port!), "DATABASE_NAME": database.name,
            ], applicationName: "users")
            #expect(try Self.facts(settings.writer).database == database.name)
            #expect(!settings.writer.pooled)
        }
    }

    @Test("DATABASE_READER_HOST with DATABASE_READER_PORT reaches the standby; without a port, the writer's port")
    func readerSettings() async throws {
        let standbyPort = try TestHelperServers.standbyPort()
        try await withTestDatabase { database in
            let url = try #require(URLComponents(string: database.url))
            let withPort = try DatabaseSettings.fromEnvironment([
                "DATABASE_URL": database.url, "DATABASE_READER_HOST": "127.0.0.1", "DATABASE_READER_PORT": String(standbyPort),
            ], applicationName: "users")
            let reader = try #require(withPort.reader)
            // CREATE DATABASE is replayed on the standby shortly after it commits (later while
            // another test holds replay paused).
            try await PausedReplay(standbyPort: standbyPort).waitForReplay(of: try PausedReplay.writerPosition(try database.connect()))
            let readerFacts = try? Self.facts(reader)
            #expect(readerFacts?.database == database.name)
            #expect(readerFacts?.inRecovery == true)
            #expect(try Self.facts(withPort.writer).inRecovery == false)

            let samePort = try DatabaseSettings.fromEnvironment([
                "DATABASE_URL": database.url, "DATABASE_READER_HOST": url.host!,
            ], applicationName: "users")
            #expect(try Self.facts(try #require(samePort.reader)).inRecovery == false)
        }
    }

    @Test("a secret's reader port defaults to the secret's port")
    func readerPortFromSecret() async throws {
        try await withTestDatabase { database in
            let url = try #require(URLComponents(string: database.url))
            let secret: [String: Any] = [
                "host": "db.invalid", "port": url.port!, "dbname": database.name, "username": url.user ?? "postgres", "password": "unused",
            ]
            try await Self.withSecret(secret) { standIn in
                var environment = Self.secretEnvironment(port: standIn.port)
                environment["DATABASE_READER_HOST"] = url.host!
                let settings = try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "users")
                #expect(try Self.facts(try #require(settings.reader)).database == database.name)
            }
        }
    }

    @Test("a bad DATABASE_POOLED, DATABASE_PORT or DATABASE_CONNECT_TIMEOUT is a configuration error", arguments: [
        ["DATABASE_POOLED": "maybe"], ["DATABASE_PORT": "54x"], ["DATABASE_READER_PORT": "0"], ["DATABASE_CONNECT_TIMEOUT": "soon"],
    ])
    func badSettings(_ extra: [String: String]) {
        let environment = extra.merging(["DATABASE_URL": "postgresql://postgres@127.0.0.1/x"]) { mine, _ in mine }
        let error = #expect(throws: PostgresError.self) { try DatabaseSettings.fromEnvironment(environment, applicationName: "users") }
        #expect(error?.code == .configuration)
    }
}
