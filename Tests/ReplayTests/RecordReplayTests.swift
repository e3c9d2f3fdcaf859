import APIGatewayTesting
import Foundation
import HealthTracker
import PostgresTestSupport
import LambdaHTTP
import ReplayKit
import TestTags
import Testing

/// `serve --record DIR` then `replay run DIR`, with the real function binaries and a real
/// database: the recording replays identically, and a changed expectation is caught.
@Suite(.serialized, .tags(.process)) struct RecordReplayTests {
    let user = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    func realFunctions() throws -> [String: String] {
        var binaries: [String: String] = [:]
        for function in APIFunction.allCases.map(\.rawValue) + [DefaultRouteFunction.name] {
            let path = try #require(BuiltProducts.path(function), "build the package first (swift build --build-tests)")
            binaries[function] = path
        }
        return binaries
    }

    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replay-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func recordingReplaysIdentically() async throws {
        let adminURL = try TestCluster.adminURL()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recorder = try SessionRecorder(directory: directory, authMode: "none")

        // Record against one fresh database.
        let served = try ScratchDatabase.create(adminURL: adminURL)
        let statuses: [Int]
        do {
            statuses = try await withServe(
                binaries: try realFunctions(), environment: ["DATABASE_URL": served.url, "AUTH_MODE": "none"], recorder: recorder
            ) { client, _, _ in
                var statuses: [Int] = []
                let requests: [(String, String, [String: String], String?)] = [
                    ("GET", "/api/users/not-a-uuid", [:], nil),
                    ("POST", "/api/users/", ["Content-Type": "text/plain"], "hello"),
                    ("POST", "/api/users/", ["Content-Type": "application/json"], "{\"email\":\"ada@example.com\",\"full_name\":\"Ada\"}"),
                    ("GET", "/api/users/\(user)", [:], nil),
                    ("GET", "/api/blood-tests/\(user)/delete", [:], nil),
                    ("GET", "/api/get_health_score?user_uuid=\(user)&as_of=2024-02-30", [:], nil),
                    ("GET", "/api/not-a-route", [:], nil),
                ]
                for (method, target, headers, body) in requests {
                    statuses.append(try await client.send(method, target, headers: headers, body: body).status)
                }
                return statuses
            }
        } catch {
            try? served.drop()
            throw error
        }
        try served.drop()
        #expect(statuses[0] == 400)
        #expect(statuses[1] == 415)
        #expect(statuses[4] == 405)
        #expect(statuses[6] == 404)

        // The unmatched request went to default_route (the $default route), so it is recorded too.
        let recorded = try ReplayCase(parsing: FileText.read(recorder.path))
        #expect(recorded.steps.count == 7)
        #expect(recorded.authMode == "none")
        #expect(recorded.steps.allSatisfy { $0.expected != nil })

        // Replay against another fresh database.
        let summary = try await replay([recorder.path], adminURL: adminURL)
        #expect(summary.steps == 7)
        #expect(summary.passed == 7)
        #expect(summary.failed == 0)
        #expect(summary.errors == 0)

        // A changed expectation is a failure, with a diff.
        var changed = recorded
        changed.steps[0].expected?["statusCode"] = .number(418)
        try FileText.write(changed.json.prettyText, to: recorder.path)
        let output = LineLog()
        let second = try await replay([recorder.path], adminURL: adminURL, output: output)
        #expect(second.failed == 1)
        #expect(second.passed == 6)
        #expect(output.all.joined().contains("-   \"statusCode\": 418"))
    }

    @Test func updateWritesExpectationsThatThenPass() async throws {
        let adminURL = try TestCluster.adminURL()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/01-bad-uuid.json"
        let match = try #require(GatewayRouteTable().match(method: "GET", path: "/api/users/nope"))
        var request = ClientRequest(method: "GET", target: "/api/users/nope")
        request.claims = [("sub", .string(user))]
        let event = HTTPAPIEventBuilder().event(for: request, routeKey: match.routeKey, pathParameters: match.pathParameters)
        try FileText.write(ReplayCase(seed: ["SELECT 1"], steps: [.init(event: event)]).json.prettyText, to: path)

        let missing = try await replay([path], adminURL: adminURL)
        #expect(missing.failed == 1)
        let updated = try await replay([path], adminURL: adminURL, update: true)
        #expect(updated.updated == 1)
        let file = try ReplayCase(parsing: FileText.read(path))
        #expect(file.steps[0].expected?["statusCode"]?.integerValue == 400)
        #expect(file.seed == ["SELECT 1"])
        let again = try await replay([path], adminURL: adminURL)
        #expect(again.passed == 1)
        #expect(again.failed == 0)
    }

    func replay(_ files: [String], adminURL: String, update: Bool = false, output: LineLog = LineLog()) async throws -> ReplayRunner.Summary {
        let database = try ScratchDatabase.create(adminURL: adminURL)
        do {
            let fleet = FunctionFleet(binaries: try realFunctions(), environment: [:], timeout: .seconds(60))
            let runner = ReplayRunner(invoker: try await fleet.startReplayFunctions(databaseURL: database.url), database: database) { output.append($0) }
            let summary = await runner.run(files: files, update: update, progress: false)
            await runner.shutdown()
            try database.drop()
            return summary
        } catch {
            try? database.drop()
            throw error
        }
    }
}
