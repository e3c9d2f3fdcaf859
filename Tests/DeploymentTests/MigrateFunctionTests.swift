import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import TestTags
import Testing

/// The `migrate` binary as CloudFormation runs it: custom-resource events under the Runtime
/// API emulator, its answer captured by a loopback HTTP server standing in for the
/// pre-signed response URL (and for the secrets extension).
///
/// Serialized: every run sets the password of the one (cluster-wide) application role,
/// and two concurrent ALTER ROLEs on one role fail ("tuple concurrently updated").
@Suite("migrate: the CloudFormation custom resource", .serialized, .tags(.process))
struct MigrateFunctionTests {
    static let appSecretID = "arn:aws:secretsmanager:us-east-1:000000000000:secret:app-db-AbCdEf"

    /// A custom-resource request as CloudFormation sends it.
    static func event(_ type: String, responseURL: String, physicalID: String? = nil) -> String {
        var event: [String: Any] = [
            "RequestType": type, "ServiceToken": "arn:aws:lambda:us-east-1:000000000000:function:migrate",
            "ResponseURL": responseURL, "StackId": "arn:aws:cloudformation:us-east-1:000000000000:stack/tests/0a1b2c3d",
            "RequestId": UUID().uuidString.lowercased(), "LogicalResourceId": "SchemaMigration",
            "ResourceType": "Custom::SchemaMigration", "ResourceProperties": ["ServiceToken": "x", "CodeVersion": "1"],
        ]
        if let physicalID { event["PhysicalResourceId"] = physicalID }
        return String(decoding: try! JSONSerialization.data(withJSONObject: event), as: UTF8.self)
    }

    /// Runs `body` with the migrate function on `database` and a stand-in AWS endpoint.
    static func withMigrate(
        _ database: TestDatabase, appSecretUser: String = HealthTrackerSchema.applicationRole,
        _ body: (FunctionUnderTest, StandInAWSEndpoint) async throws -> Void
    ) async throws {
        let appSecret = #"{"username":"\#(appSecretUser)","password":"app-password-\#(UUID().uuidString)","host":"127.0.0.1","port":5432}"#
        let aws = try await StandInAWSEndpoint(secrets: [appSecretID: appSecret])
        do {
            let environment = [
                "DATABASE_URL": database.url, "APP_DATABASE_SECRET_ARN": appSecretID,
                "AWS_SESSION_TOKEN": "test-session-token", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT": String(aws.port),
            ]
            try await FunctionUnderTest.with(SchemaMigrationHandler.name, environment: environment) { function in
                try await body(function, aws)
            }
            try await aws.shutdown()
        } catch {
            try? await aws.shutdown()
            throw error
        }
    }

    /// The one PUT answering `request`, decoded.
    static func answer(_ aws: StandInAWSEndpoint, path: String) throws -> (request: StandInAWSEndpoint.Request, body: [String: Any]) {
        let puts = aws.puts.filter { $0.uri.hasPrefix(path) }
        try #require(puts.count == 1, "expected one PUT to \(path), got \(aws.received.map { "\($0.method) \($0.uri)" })")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(puts[0].body)) as? [String: Any])
        return (puts[0], body)
    }

    static func url(_ aws: StandInAWSEndpoint, _ name: String) -> String {
        // A pre-signed URL's shape: the query holds the signature.
        "http://127.0.0.1:\(aws.port)/cfn/\(name)?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc123"
    }

    static func requestID(of event: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [String: Any])
        return try #require(object["RequestId"] as? String)
    }

    @Test("Create migrates an empty database, sets the role's password, answers SUCCESS; Update and Delete follow")
    func createUpdateDelete() async throws {
        try await withTestDatabase { database in
            try await Self.withMigrate(database) { function, aws in
                let create = Self.event("Create", responseURL: Self.url(aws, "create"))
                let result = try await function.invoke(create)
                #expect(result.responseBytes != nil, "\(result.outcome)")
                let (put, answer) = try Self.answer(aws, path: "/cfn/create")
                #expect(answer["Status"] as? String == "SUCCESS", "\(answer)")
                #expect(answer["PhysicalResourceId"] as? String == SchemaMigrationHandler.physicalResourceID)
                #expect(answer["StackId"] as? String == "arn:aws:cloudformation:us-east-1:000000000000:stack/tests/0a1b2c3d")
                #expect(answer["RequestId"] as? String == (try Self.requestID(of: create)))
                #expect(answer["LogicalResourceId"] as? String == "SchemaMigration")
                let data = try #require(answer["Data"] as? [String: String])
                #expect(data["SchemaVersion"] == String(HealthTrackerSchema.requiredVersion))
                #expect(put.uri.hasSuffix("X-Amz-Signature=abc123"), "the query string travels as given")
                #expect(put.header("content-type") == nil, "the pre-signed URL signs no Content-Type")
                #expect(put.header("content-length") == String(put.body.count))

                let admin = try database.connect()
                #expect(try Migrator.currentVersion(admin) == HealthTrackerSchema.requiredVersion)
                let verifier = try admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [HealthTrackerSchema.applicationRole])
                #expect(try verifier.first?.decode(0, as: String.self).hasPrefix("SCRAM-SHA-256$") == true)
                // The secret was read through the extension, with the session token.
                #expect(aws.received.contains { $0.method == "GET" && $0.header("X-Aws-Parameters-Secrets-Token") == "test-session-token" })
                // The password is in no log line (waiting for the last line of the invocation).
                try await function.output.wait { $0.contains { $0.contains("answered CloudFormation") } }
                #expect(function.output.texts.contains { $0.contains("answered CloudFormation") })
                #expect(!function.output.texts.contains { $0.contains("app-password-") })

                let update = Self.event("Update", responseURL: Self.url(aws, "update"), physicalID: SchemaMigrationHandler.physicalResourceID)
                _ = try await function.invoke(update)
                let updated = try Self.answer(aws, path: "/cfn/update").body
                #expect(updated["Status"] as? String == "SUCCESS", "\(updated)")
                #expect(updated["PhysicalResourceId"] as? String == SchemaMigrationHandler.physicalResourceID)
                #expect((updated["Reason"] as? String)?.contains("already at version \(HealthTrackerSchema.requiredVersion)") == true)

                let delete = Self.event("Delete", responseURL: Self.url(aws, "delete"), physicalID: SchemaMigrationHandler.physicalResourceID)
                _ = try await function.invoke(delete)
                #expect(try Self.answer(aws, path: "/cfn/delete").body["Status"] as? String == "SUCCESS")
                // Delete keeps everything.
                #expect(try Migrator.currentVersion(admin) == HealthTrackerSchema.requiredVersion)
                #expect(try admin.execute("SELECT to_regclass('users') IS NOT NULL").first?.decode(0, as: Bool.self) == true)
            }
        }
    }

    @Test("a failing migration answers FAILED with the reason and leaves the database as it was")
    func failingMigration() async throws {
        try await withTestDatabase { database in
            // A table in the way of the first migration.
            try database.connect().executeScript("CREATE TABLE users (squatter int)")
            try await Self.withMigrate(database) { function, aws in
                _ = try await function.invoke(Self.event("Create", responseURL: Self.url(aws, "create")))
                let answer = try Self.answer(aws, path: "/cfn/create").body
                #expect(answer["Status"] as? String == "FAILED", "\(answer)")
                #expect((answer["Reason"] as? String)?.contains("users") == true, "\(answer)")
                #expect(answer["PhysicalResourceId"] as? String == SchemaMigrationHandler.physicalResourceID)
                // One transaction: nothing applied.
                #expect(try Migrator.currentVersion(try database.connect()) == 0)

                // CloudFormation then rolls back with a Delete, which must succeed.
                _ = try await function.invoke(Self.event("Delete", responseURL: Self.url(aws, "rollback"), physicalID: SchemaMigrationHandler.physicalResourceID))
                #expect(try Self.answer(aws, path: "/cfn/rollback").body["Status"] as? String == "SUCCESS")
            }
        }
    }

    @Test("an application secret for another user answers FAILED")
    func wrongApplicationUser() async throws {
        try await withTestDatabase { database in
            try await Self.withMigrate(database, appSecretUser: "someone_else") { function, aws in
                _ = try await function.invoke(Self.event("Create", responseURL: Self.url(aws, "create")))
                let answer = try Self.answer(aws, path: "/cfn/create").body
                #expect(answer["Status"] as? String == "FAILED")
                #expect((answer["Reason"] as? String)?.contains("someone_else") == true, "\(answer)")
            }
        }
    }
}
