import APIGatewayTesting
import Foundation
import LambdaHTTP
import ReplayKit
import TestTags
import Testing

/// The `replay` binary itself, as developers run it.
@Suite(.tags(.process)) struct CommandLineTests {
    struct Run {
        let status: Int32
        let output: String
        let errorOutput: String
    }

    func replay(_ arguments: [String], input: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BuiltProducts.path("replay"), "build the package first (swift build --build-tests)"))
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errorOutput = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errorOutput: String(decoding: errorOutput, as: UTF8.self))
    }

    @Test func eventPrintsWhatTheFunctionsDecode() throws {
        let run = try replay(["event", "PATCH", "/api/users/3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f?x=1",
                              "--body", "{\"full_name\":\"Ada\"}", "--header", "Cookie: a=b", "--query", "y=two words",
                              "--claims", "{\"sub\":\"3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f\"}"])
        #expect(run.status == 0)
        let request = try HTTPRequest(decoding: Array(run.output.utf8))
        #expect(request.context.routeKey == "PATCH /api/users/{user_uuid}")
        #expect(request.query["y"] == "two words")
        #expect(request.cookie("a") == "b")
        #expect(request.headers["content-type"] == "application/json")
        #expect(try request.body() == Array("{\"full_name\":\"Ada\"}".utf8))
    }

    @Test func eventForAnUnroutedRequestIsTheDefaultRoutes() throws {
        let run = try replay(["event", "PUT", "/api/users/"])
        #expect(run.status == 0)
        #expect(run.errorOutput.contains("$default route (default_route)"))
        let event = try JSONValue.parse(Array(run.output.utf8))
        #expect(event["routeKey"]?.stringValue == "$default")
        #expect(event["requestContext"]?["http"]?["method"]?.stringValue == "PUT")
    }

    @Test func invokeDeliversEventsInOrderAndFailsOnAFunctionError() throws {
        let probe = try #require(BuiltProducts.path("lambda-probe"), "build the package first (swift build --build-tests)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replay-invoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first.json").path
        try Data("{\"action\":\"echo\",\"n\":\"first\"}".utf8).write(to: URL(fileURLWithPath: first))

        let fine = try replay(["invoke", "probe", first, "-", "--bootstrap", probe, "--json"], input: "{\"action\":\"log\"}")
        #expect(fine.status == 0)
        let firstAt = try #require(fine.output.range(of: "\"n\":\"first\""))
        let secondAt = try #require(fine.output.range(of: "{\"logged\":true}"))
        #expect(firstAt.lowerBound < secondAt.lowerBound)
        #expect(fine.output.contains("probe log line"))
        #expect(fine.output.contains("init:"))

        let failing = try replay(["invoke", "probe", "-", "--bootstrap", probe], input: "{\"action\":\"throw\",\"message\":\"boom\"}")
        #expect(failing.status == 1)
        #expect(failing.output.contains("FUNCTION ERROR"))
    }

    @Test func serveOnAPortInUseNamesTheProblemAndTheOption() async throws {
        try await withServe(binaries: try testFunctionFleet()) { client, _, _ in
            let run = try replay(["serve", "--port", "\(client.port)"])
            #expect(run.status == 1)
            #expect(run.errorOutput.contains(
                "cannot listen on 127.0.0.1:\(client.port): Address already in use; pick another port with --port N (0: any free port)"
            ))
            #expect(!run.errorOutput.contains("))"))
        }
    }

    @Test func invokeReportsATimeout() throws {
        let probe = try #require(BuiltProducts.path("lambda-probe"), "build the package first (swift build --build-tests)")
        let run = try replay(["invoke", "probe", "-", "--bootstrap", probe, "--timeout", "0.5"], input: "{\"action\":\"sleep\",\"ms\":20000}")
        #expect(run.status == 1)
        #expect(run.output.contains("TIMED OUT"))
    }
}
