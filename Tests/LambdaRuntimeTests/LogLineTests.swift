import Foundation
import LambdaRuntime
import TestTags
import Testing
import UTCTime

/// The rendered log and EMF lines, without a process (the binaries' own lines are tested
/// through the emulator in DeploymentTests).
@Suite("Log lines and EMF records as rendered", .tags(.pure))
struct LogLineTests {
    static let time = Instant(millisecondsSinceEpoch: 1_795_309_200_123)
    static let header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"

    @Test("JSON lines carry Powertools' keys, in its order, and the caller's fields")
    func powertoolsKeys() throws {
        let logger = LambdaLogger(format: .json, service: "users")
            .with(requestID: "req-1", traceHeader: Self.header, coldStart: true)
        let line = logger.render(level: .warn, message: "slow \"query\"", metadata: ["sqlstate": "57014"], at: Self.time)
        #expect(line == #"{"level":"WARN","message":"slow \"query\"","timestamp":"2026-11-22T01:00:00.123Z","service":"users","cold_start":true,"function_request_id":"req-1","xray_trace_id":"1-5759e988-bd862e3fe1be46a994272793","sqlstate":"57014"}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object.count == 8)
    }

    @Test("outside an invocation: no request keys; text lines keep their format")
    func initAndText() {
        let json = LambdaLogger(format: .json, service: "users")
        #expect(json.render(level: .fatal, message: "initialisation failed", metadata: [:], at: Self.time)
            == #"{"level":"FATAL","message":"initialisation failed","timestamp":"2026-11-22T01:00:00.123Z","service":"users"}"#)
        let text = LambdaLogger(format: .text, service: "users").with(requestID: "req-2", traceHeader: Self.header, coldStart: false)
        #expect(text.render(level: .info, message: "two\nlines", metadata: ["k": "v"], at: Self.time)
            == "2026-11-22T01:00:00.123Z req-2 INFO two\\nlines k=v")
    }

    @Test("the service comes from POWERTOOLS_SERVICE_NAME, else the function's name")
    func serviceName() {
        #expect(LambdaLogger(environment: ["AWS_LAMBDA_FUNCTION_NAME": "stack-Users-1", "POWERTOOLS_SERVICE_NAME": "users"]).service == "users")
        #expect(LambdaLogger(environment: ["AWS_LAMBDA_FUNCTION_NAME": "stack-Users-1", "POWERTOOLS_SERVICE_NAME": ""]).service == "stack-Users-1")
        #expect(LambdaLogger.rootTraceID("Parent=1;Root=1-abc") == "1-abc")
        #expect(LambdaLogger.rootTraceID("Parent=1") == nil)
    }

    @Test("an EMF record: one directive, dimensions and metrics as root members, numbers JSON can hold")
    func embeddedMetrics() throws {
        let record = EmbeddedMetrics(
            namespace: "NS", dimensions: [(name: "function", value: "users")], dimensionSets: [["function"], []],
            metrics: [.init("Duration", 12.3456, unit: .milliseconds), .init("Count", 1, unit: .count), .init("Bad", .nan, unit: .none)],
            properties: [(name: "function_request_id", value: "req-3")]
        )
        #expect(record.rendered(at: Self.time) == #"{"_aws":{"Timestamp":1795309200123,"CloudWatchMetrics":[{"Namespace":"NS","Dimensions":[["function"],[]],"Metrics":[{"Name":"Duration","Unit":"Milliseconds"},{"Name":"Count","Unit":"Count"},{"Name":"Bad","Unit":"None"}]}]},"function":"users","function_request_id":"req-3","Duration":12.346,"Count":1,"Bad":0}"#)
    }
}
