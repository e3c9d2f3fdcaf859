import APIGatewayTesting
import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import TestTags
import Testing

/// No password in any output of a failing path, through the real binaries: `migrate` on a
/// Create event (its CloudFormation `Reason`, its log lines and its invocation report), a
/// function binary (its answer, its log lines, its init error) and `replay migrate` (stdout
/// and stderr), with the password in the URL (as written and percent-encoded), in the secret
/// and in PGPASSWORD.
@Suite("Secrets never reach a failure report", .serialized, .tags(.process))
struct SecretRedactionTests {
    /// Each holds `@`, `:`, `%`, `/`, both quotes and non-ASCII, around a marker word that
    /// appears nowhere else, so a leak of any piece of it shows.
    static let passwords = [
        #"Alpha7Secret@x:y%z/w"q'Ünï秘"#,
        "Bravo8Secret%ZZ",  // a bad percent escape as written in a URL
        "p@:%/'\"Charlie9Secret-ßé",
    ]

    /// The forms a leak could take in an output: as given, percent-encoded (either hex
    /// case), JSON-escaped, and each password's marker word.
    static func forms(of password: String) -> [String] {
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        let json = String(String(decoding: try! JSONEncoder().encode(password), as: UTF8.self).dropFirst().dropLast())
        var words: [String] = [""]
        for character in password {
            if character.isLetter || character.isNumber { words[words.count - 1].append(character) } else { words.append("") }
        }
        let marker = words.max { $0.count < $1.count } ?? password
        return [password, encoded, encoded.lowercased(), json, marker]
    }

    static func encoded(_ password: String) -> String {
        password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    /// The settings that fail for `password`, with a name for each.
    static func brokenSettings(_ password: String, port: Int, secretID: String) -> [(name: String, environment: [String: String])] {
        [
            ("raw password, bad IPv6 host", ["DATABASE_URL": "postgresql://app:\(password)@[::1:\(port)/x"]),
            ("encoded password, bad IPv6 host", ["DATABASE_URL": "postgresql://app:\(encoded(password))@[::1:\(port)/x"]),
            ("raw password, reachable host", ["DATABASE_URL": "postgresql://app:\(password)@127.0.0.1:\(port)/x?sslmode=disable"]),
            ("encoded password, bad port", ["DATABASE_URL": "postgresql://app:\(encoded(password))@127.0.0.1:notaport/x"]),
            ("wrong password, real server", ["DATABASE_URL": "postgresql://nobody_here:\(encoded(password))@127.0.0.1:\(port)/postgres"]),
            ("key=value string", ["DATABASE_URL": "host=127.0.0.1 port=\(port) password=\(password) dbname"]),
            ("PGPASSWORD, bad URL", ["DATABASE_URL": "postgresql://app@[::1:\(port)/x", "PGPASSWORD": password]),
            ("PGPASSWORD, wrong for the server", ["DATABASE_URL": "postgresql://nobody_here@127.0.0.1:\(port)/postgres", "PGPASSWORD": password]),
            ("the secret, bad host", ["DATABASE_SECRET_ARN": secretID, "DATABASE_HOST": "[::1"]),
            ("the secret, wrong for the server", ["DATABASE_SECRET_ARN": secretID, "DATABASE_PORT": String(port)]),
        ]
    }

    static func secret(_ password: String) -> String {
        let object: [String: Any] = ["username": "nobody_here", "password": password, "host": "127.0.0.1", "dbname": "postgres"]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func expectNoLeak(_ outputs: [String: String], of password: String, _ setting: String) {
        for (name, text) in outputs {
            for form in forms(of: password) {
                #expect(!text.contains(form), "\(setting): \(name) holds \(form): \(text)")
            }
        }
    }

    static let secretID = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf"

    @Test("migrate: Reason, log lines and report hold no password", arguments: passwords)
    func migrate(_ password: String) async throws {
        let port = try #require(URLComponents(string: try TestCluster.adminURL())?.port)
        let aws = try await StandInAWSEndpoint(secrets: [Self.secretID: Self.secret(password)])
        defer { Task { try? await aws.shutdown() } }
        for (index, setting) in Self.brokenSettings(password, port: port, secretID: Self.secretID).enumerated() {
            let environment = setting.environment.merging([
                "AWS_SESSION_TOKEN": "test-session-token", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT": String(aws.port),
                "DATABASE_CONNECT_TIMEOUT": "2",
            ]) { $1 }
            try await FunctionUnderTest.with(SchemaMigrationHandler.name, environment: environment) { function in
                let path = "/cfn/\(index)"
                let event = MigrateFunctionTests.event("Create", responseURL: "http://127.0.0.1:\(aws.port)\(path)?X-Amz-Signature=abc")
                let result = try await function.invoke(event)
                let answer = try MigrateFunctionTests.answer(aws, path: path)
                #expect(answer.body["Status"] as? String == "FAILED", "\(setting.name): \(answer.body)")
                try await function.output.wait { $0.contains { $0.contains("answered CloudFormation") } }
                Self.expectNoLeak([
                    "Reason": String(decoding: answer.request.body, as: UTF8.self),
                    "log": function.output.texts.joined(separator: "\n"),
                    "report": "\(result.outcome)",
                ], of: password, setting.name)
            }
        }
    }

    @Test("a function binary: answer, log lines and init error hold no password", arguments: passwords)
    func functionBinary(_ password: String) async throws {
        let port = try #require(URLComponents(string: try TestCluster.adminURL())?.port)
        let aws = try await StandInAWSEndpoint(secrets: [Self.secretID: Self.secret(password)])
        defer { Task { try? await aws.shutdown() } }
        var settings = Self.brokenSettings(password, port: port, secretID: Self.secretID)
        // Fails at init: a secret that is not there, with the password in the URL beside it.
        settings.append(("init error", ["DATABASE_SECRET_ARN": "missing", "DATABASE_URL": "postgresql://app:\(password)@127.0.0.1/x"]))
        for setting in settings {
            let environment = setting.environment.merging([
                "AUTH_MODE": "none", "AWS_SESSION_TOKEN": "test-session-token",
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT": String(aws.port), "DATABASE_CONNECT_TIMEOUT": "2",
            ]) { $1 }
            try await FunctionUnderTest.with(APIFunction.users.rawValue, environment: environment) { function in
                let result = try await function.invoke(httpEvent(method: "GET", path: "/api/users/\(UUID().uuidString.lowercased())"))
                var outputs = ["report": "\(result.outcome)"]
                if let bytes = result.responseBytes {
                    let status = try httpResponse(result).status
                    #expect(status == 500 || status == 503, "\(setting.name)")
                    outputs["answer"] = String(decoding: bytes, as: UTF8.self)
                } else {
                    #expect(setting.name == "init error", "\(setting.name): \(result.outcome)")
                }
                outputs["log"] = function.output.texts.joined(separator: "\n")
                Self.expectNoLeak(outputs, of: password, setting.name)
            }
        }
    }

    @Test("replay migrate: stdout and stderr hold no password", arguments: passwords)
    func replayMigrate(_ password: String) throws {
        let port = try #require(URLComponents(string: try TestCluster.adminURL())?.port)
        let replay = try #require(BuiltProducts.path("replay"), "build replay first (swift build)")
        for setting in Self.brokenSettings(password, port: port, secretID: Self.secretID) where setting.environment["DATABASE_SECRET_ARN"] == nil {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: replay)
            process.arguments = ["migrate"]
            var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && !$0.key.hasPrefix("DATABASE_") }
            environment.merge(setting.environment) { $1 }
            environment["DATABASE_CONNECT_TIMEOUT"] = "2"
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus != 0, "\(setting.name)")
            let errorText = String(decoding: stderr, as: UTF8.self)
            #expect(!errorText.isEmpty, "\(setting.name): the failure is reported")
            Self.expectNoLeak(["stdout": String(decoding: stdout, as: UTF8.self), "stderr": errorText], of: password, setting.name)
        }
    }
}
