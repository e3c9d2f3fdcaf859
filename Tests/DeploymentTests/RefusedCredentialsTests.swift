import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import TestTags
import Testing

/// A password the database refuses even after the secret was read again is a configuration
/// error, through the real binary: 500 (never 503 with Retry-After, which would invite
/// retrying forever), counted by the 5xx alarm, and one log line per process.
@Suite("Refused credentials answer 500", .tags(.process))
struct RefusedCredentialsTests {
    @Test("a stale secret: 500 on every request, the secret read again, one log line")
    func staleSecret() async throws {
        let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
        let role = "refused_" + UUID().uuidString.prefix(8).lowercased()
        try admin.createPasswordRole(role, password: "the-right-one")
        defer { try? admin.executeScript("DROP ROLE IF EXISTS \(role)") }
        let port = try #require(URLComponents(string: try TestCluster.adminURL())?.port)
        let secretID = "arn:aws:secretsmanager:us-east-1:000000000000:secret:stale-AbCdEf"
        let secret = #"{"username":"\#(role)","password":"a-stale-one","host":"127.0.0.1","port":\#(port),"dbname":"postgres"}"#
        let aws = try await StandInAWSEndpoint(secrets: [secretID: secret])
        defer { Task { try? await aws.shutdown() } }
        let environment = [
            "DATABASE_SECRET_ARN": secretID, "AWS_SESSION_TOKEN": "test-session-token",
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT": String(aws.port), "AUTH_MODE": "none", "PGSSLMODE": "disable", "POWERTOOLS_METRICS_NAMESPACE": "Tests",
        ]
        try await FunctionUnderTest.with(APIFunction.users.rawValue, environment: environment) { function in
            for _ in 0..<3 {
                let result = try await function.invoke(httpEvent(method: "GET", path: "/api/users/\(UUID().uuidString.lowercased())"))
                let response = try httpResponse(result)
                #expect(response.status == 500, "\(response.body)")
                #expect(response.headers["retry-after"] == nil)
                #expect(response.body["type"] as? String == "/problems/internal")
            }
            // Read at init, then again (bypassing the cache) on each refusal.
            let reads = aws.received.filter { $0.method == "GET" }
            #expect(reads.count >= 2 && reads.dropFirst().allSatisfy { $0.uri.hasSuffix("&refreshNow=true") })
            // Output arrives on its own pipe; the metrics line of the last invocation comes after the refusal's.
            try await function.output.wait { $0.filter { $0.contains("Status5xx") }.count >= 3 }
            let refusals = function.output.texts.filter { $0.contains("refuses the credentials") }
            #expect(refusals.count == 1, "\(function.output.texts)")
            #expect(!function.output.texts.contains { $0.contains("a-stale-one") })
        }
    }
}
