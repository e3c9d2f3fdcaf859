import APIGatewayTesting
import Foundation
import HealthTracker
import PostgresTestSupport
import ReplayKit
import TestTags
import Testing

/// `replay run` over every file in functions/: the stored expectations hold for today's
/// function binaries. After an endpoint changes, `replay run --update` and review the diff.
@Suite(.tags(.process)) struct FunctionsCorpusTests {
    @Test func everyStoredEventReplays() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = try FileText.jsonFiles(under: root.appendingPathComponent("functions").path)
        for function in APIFunction.allCases {
            #expect(files.contains { $0.contains("/functions/\(function.rawValue)/events/") }, "\(function)")
        }
        var binaries: [String: String] = [:]
        for function in APIFunction.allCases {
            let path = try #require(BuiltProducts.path(function.rawValue), "build the package first (swift build --build-tests)")
            binaries[function.rawValue] = path
        }
        let database = try ScratchDatabase.create(adminURL: try TestCluster.adminURL())
        let output = LineLog()
        do {
            let fleet = FunctionFleet(binaries: binaries, environment: [:], timeout: .seconds(60))
            let runner = ReplayRunner(invoker: try await fleet.startReplayFunctions(databaseURL: database.url), database: database) {
                output.append($0)
            }
            let summary = await runner.run(files: files, update: false, progress: false)
            await runner.shutdown()
            try database.drop()
            #expect(summary.succeeded, "\(output.all.joined())")
            #expect(summary.passed == summary.steps)
        } catch {
            try? database.drop()
            throw error
        }
    }
}
