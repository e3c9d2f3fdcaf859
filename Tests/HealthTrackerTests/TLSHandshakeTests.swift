import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// The production handshake against the TLS cluster (scripts/pg-start --tls): verify-full
/// against the region's CA bundle, SCRAM-SHA-256 for the application role, and never a
/// plaintext fallback. Serialized: the application role is the cluster's, and one test sets
/// its password.
@Suite("TLS verify-full and SCRAM (scripts/pg-start --tls)", .tags(.database), .serialized)
struct TLSHandshakeTests {
    /// Debian's bundle without the throwaway CA: a CA file that cannot verify the server.
    static let unrelatedCAFile = "/etc/ssl/certs/ca-certificates.crt"

    /// A fresh database on the TLS cluster, migrated over TLS as postgres, dropped afterwards.
    static func withTLSDatabase(_ body: (TLSTestCluster, String) async throws -> Void) async throws {
        let cluster = try TLSTestCluster.shared()
        let admin = try PostgresConnection(configuration: cluster.adminConfiguration)
        let name = "tls_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // The name is made here from a UUID; CREATE DATABASE takes no parameters.
        try admin.executeScript("CREATE DATABASE \(name)")
        do {
            let connection = try PostgresConnection(configuration: cluster.adminConfiguration.with(database: name))
            try HealthTrackerSchema.migrator.migrate(connection)
            connection.close()
            try await body(cluster, name)
        } catch {
            try? admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
        try admin.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Whether the session runs over TLS, and as whom.
    static func facts(_ session: PostgresSession) throws -> (ssl: Bool, user: String) {
        try session.run(.readOnly) { connection in
            let row = try connection.execute("SELECT ssl, current_user::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first!
            return (try row.decode(0, as: Bool.self), try row.decode(1, as: String.self))
        }
    }

    /// A machine-generated secret as Secrets Manager makes one: 40 random printable characters.
    static func generatedSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.:;<=>?[]^_{|}~")
        return String((0..<40).map { _ in alphabet.randomElement()! })
    }

    @Test("the application role's verifier has 1 iteration, and connects over verify-full with the region's one-CA bundle and SCRAM")
    func applicationRoleOverRegionalBundle() async throws {
        try await Self.withTLSDatabase { cluster, database in
            let password = Self.generatedSecret()
            let admin = try PostgresConnection(configuration: cluster.adminConfiguration.with(database: database))
            try HealthTrackerSchema.setApplicationRolePassword(password, on: admin)
            let stored = try admin.execute(
                "SELECT rolpassword FROM pg_authid WHERE rolname = $1", [HealthTrackerSchema.applicationRole]
            ).first!.decode(0, as: String.self)
            #expect(stored.hasPrefix("SCRAM-SHA-256$1:"))

            // No sslmode or sslrootcert in the URL: DATABASE_CA_BUNDLE_DIR and AWS_REGION choose them.
            let url = cluster.url(database: database, user: HealthTrackerSchema.applicationRole, password: password, query: [:])
            let settings = try DatabaseSettings.fromFunctionEnvironment(
                ["DATABASE_URL": url, "DATABASE_CA_BUNDLE_DIR": cluster.caBundleDirectory, "AWS_REGION": cluster.region],
                applicationName: "users"
            )
            #expect(settings.warnings.isEmpty)
            #expect(settings.writer.parameters.contains { $0.key == "sslrootcert" && $0.value.hasSuffix("/\(cluster.region)-bundle.pem") })
            #expect(settings.writer.parameters.contains { $0.key == "sslmode" && $0.value == "verify-full" })
            let session = PostgresSession(settings: settings)
            session.requireSchema(HealthTrackerSchema.migrator)
            let facts = try Self.facts(session)
            #expect(facts.ssl && facts.user == HealthTrackerSchema.applicationRole)

            // The server refuses the role in plaintext: TLS is not a client preference only.
            let plaintext = cluster.url(
                database: database, user: HealthTrackerSchema.applicationRole, password: password, query: ["sslmode": "disable"]
            )
            let refused = #expect(throws: PostgresError.self) {
                try PostgresConnection(configuration: PostgresConfiguration(connectionString: plaintext, applicationName: "tests"))
            }
            // Refused credentials are a configuration error (500), not a transient 503.
            #expect(refused?.sqlState == "28000" && refused?.httpStatus == 500)
        }
    }

    @Test("a region without its own bundle falls back to the global bundle, with a warning")
    func globalFallback() async throws {
        try await Self.withTLSDatabase { cluster, database in
            let url = cluster.url(database: database, user: "postgres", password: nil, query: [:])
            let settings = try DatabaseSettings.fromFunctionEnvironment(
                ["DATABASE_URL": url, "DATABASE_CA_BUNDLE_DIR": cluster.caBundleDirectory, "AWS_REGION": "eu-nowhere-1"],
                applicationName: "users"
            )
            #expect(settings.warnings.count == 1)
            #expect(settings.warnings.first?.contains("global-bundle.pem") == true)
            #expect(settings.writer.parameters.contains { $0.key == "sslrootcert" && $0.value.hasSuffix("/global-bundle.pem") })
            let facts = try Self.facts(PostgresSession(settings: settings))
            #expect(facts.ssl && facts.user == "postgres")
        }
    }

    /// postgres is trusted on any transport here, so a fallback to plaintext would connect:
    /// each of these must fail instead. The message names the cause in words: OpenSSL starts
    /// without its crypto libraries' error strings (TLSLibraryStart), not without the TLS
    /// library's own, which a failed verification reports.
    @Test("a CA that did not sign the server's certificate, or a host name not in it, is a 503 and never plaintext", arguments: [
        ("wrong CA", "127.0.0.1", ["sslmode": "verify-full", "sslrootcert": unrelatedCAFile], "certificate verify failed"),
        ("host name not in the certificate", "db.invalid", ["sslmode": "verify-full", "hostaddr": "127.0.0.1"], "does not match host name"),
    ])
    func verificationFailures(_ label: String, host: String, query: [String: String], cause: String) async throws {
        try await Self.withTLSDatabase { cluster, database in
            var items = query
            if items["sslrootcert"] == nil { items["sslrootcert"] = cluster.caBundleDirectory + "/\(cluster.region)-bundle.pem" }
            let url = cluster.url(database: database, user: "postgres", password: nil, host: host, query: items)
            let session = PostgresSession(settings: try DatabaseSettings.fromFunctionEnvironment(["DATABASE_URL": url], applicationName: "users"))
            let error = #expect(throws: PostgresError.self, "\(label)") { try Self.facts(session) }
            #expect(error?.code == .unavailable && error?.httpStatus == 503, "\(label)")
            let message = error?.message ?? ""
            #expect(message.contains(cause), "\(label): \(message)")
        }
    }

    @Test("rotation over TLS: the password refused (28P01) reads the secret again and connects with verify-full")
    func rotationOverTLS() async throws {
        try await Self.withTLSDatabase { cluster, database in
            let admin = try PostgresConnection(configuration: cluster.adminConfiguration.with(database: database))
            let role = "tls_rotating_" + database.suffix(12)
            try admin.executeScript("""
                CREATE ROLE \(role) LOGIN IN ROLE password_login;
                GRANT CONNECT ON DATABASE \(database) TO \(role)
                """)
            defer { try? admin.executeScript("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
            let first = Self.generatedSecret(), second = Self.generatedSecret()
            try admin.setPassword(role: role, password: first, iterations: 1)
            func secret(_ password: String) throws -> String {
                try SecretsExtensionTests.extensionBody(secret: [
                    "host": "127.0.0.1", "port": cluster.port, "dbname": database, "username": role, "password": password,
                ])
            }
            let standIn = try await StandInSecretsExtension(status: .ok, body: try secret(first))
            do {
                var environment = DatabaseSettingsTests.secretEnvironment(port: standIn.port)
                environment["DATABASE_CA_BUNDLE_DIR"] = cluster.caBundleDirectory
                environment["AWS_REGION"] = cluster.region
                let session = PostgresSession(settings: try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "users"))
                let before = try Self.facts(session)
                #expect(before.ssl && before.user == role)
                let pid = try session.run(.readOnly) { try $0.execute("SELECT pg_backend_pid()").first!.decode(0, as: Int.self) }

                try admin.setPassword(role: role, password: second, iterations: 1)
                standIn.setBody(try secret(second))
                try admin.execute("SELECT pg_terminate_backend($1, 5000)", [pid])

                let after = try Self.facts(session)
                #expect(after.ssl && after.user == role)
                #expect(standIn.received.count == 2)
            } catch {
                try await standIn.shutdown()
                throw error
            }
            try await standIn.shutdown()
        }
    }
}

@Suite("SCRAM verifiers and the application role's iteration count", .tags(.pure))
struct SCRAMIterationTests {
    @Test("a machine-generated secret gets 1 iteration; short or low-entropy passwords keep PostgreSQL's default")
    func iterationChoice() {
        #expect(HealthTrackerSchema.applicationPasswordIterations(for: TLSHandshakeTests.generatedSecret()) == 1)
        // 32 lower-case letters: 32 x 4 bits = 128.
        #expect(HealthTrackerSchema.applicationPasswordIterations(for: String(repeating: "abcdefgh", count: 4)) == 1)
        // 31 characters, whatever they are.
        #expect(HealthTrackerSchema.applicationPasswordIterations(for: String(TLSHandshakeTests.generatedSecret().prefix(31))) == nil)
        // 40 digits: 40 x 3 bits = 120.
        #expect(HealthTrackerSchema.applicationPasswordIterations(for: String(repeating: "0123456789", count: 4)) == nil)
    }
}
