import Foundation
import RuntimeEmulator
import TestTags
import Testing

/// The runtime loop in the real `lambda-probe` binary against the emulator, over real sockets.
@Suite("Runtime API round trips", .tags(.process))
struct RuntimeInvocationTests {
    @Test("next delivers the event and the response comes back byte for byte, cold then warm")
    func echo() async throws {
        try await withProbe { emulator, _ in
            let event = #"{"action":"echo","note":"héllo ✓"}"#
            let first = try await emulator.invokeProbe(event)
            #expect(first.responseBytes == Array(event.utf8))
            #expect(first.coldStart)
            #expect(first.initDuration != nil)

            let second = try await emulator.invokeProbe(event)
            #expect(second.responseBytes == Array(event.utf8))
            #expect(!second.coldStart)
            #expect(second.instanceID == first.instanceID)
            #expect(second.requestID != first.requestID)
        }
    }

    @Test("a thrown error arrives as valid JSON with the exact UTF-8 message, and the loop goes on")
    func thrownErrorThenSuccess() async throws {
        try await withProbe { emulator, _ in
            let failed = try await emulator.invokeProbe(#"{"action":"throw"}"#)
            let posted = try #require(failed.functionError, "expected a function error, got \(failed.outcome)")
            #expect(posted.report.errorType == "ProbeError")
            #expect(posted.headerErrorType == "ProbeError")
            let body = try posted.parsedBody()
            #expect(Set(body.keys) == ["errorType", "errorMessage", "stackTrace"])
            #expect(body["errorType"] as? String == "ProbeError")
            #expect(body["errorMessage"] as? String == "He said \"no\" \\ then left\nline two\r\n\ttabbed \u{01} 🚀🧪 Привет, 世界 — ½")
            #expect((body["stackTrace"] as? [Any])?.isEmpty == true)

            let next = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(next.responseBytes == Array(#"{"action":"echo"}"#.utf8))
            #expect(next.instanceID == failed.instanceID)
        }
    }

    @Test("an event the handler cannot decode is a reported error, not a crash")
    func undecodableEvent() async throws {
        try await withProbe { emulator, _ in
            let failed = try await emulator.invokeProbe("this is not JSON \u{0}")
            let posted = try #require(failed.functionError, "expected a function error, got \(failed.outcome)")
            #expect(posted.report.errorType == "ProbeError")
            #expect(posted.report.errorMessage == "the event is not a flat JSON object")

            let unknown = try await emulator.invokeProbe(#"{"action":"dance"}"#)
            #expect(unknown.functionError?.report.errorMessage == "unknown action dance")

            let next = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(next.responseBytes != nil)
            #expect(next.instanceID == failed.instanceID)
        }
    }

    @Test("the context carries the deadline, ARN, trace id (also in _X_AMZN_TRACE_ID), client context and identity")
    func contextAndEnvironment() async throws {
        try await withProbe(environment: ["PROBE_CUSTOM": "given"]) { emulator, _ in
            let before = Int64(Date().timeIntervalSince1970 * 1000)
            let result = try await emulator.invokeProbe(
                #"{"action":"env"}"#, timeout: .seconds(7),
                clientContext: #"{"client":{"app_title":"t"}}"#, cognitoIdentity: #"{"cognitoIdentityId":"id-1"}"#
            )
            let after = Int64(Date().timeIntervalSince1970 * 1000)
            let env = try result.responseObject()

            let deadline = try #require(env["deadlineMs"] as? Int64)
            #expect(deadline >= before + 7000 && deadline <= after + 7000)
            let remaining = try #require(env["remainingMs"] as? Int64)
            #expect(remaining > 0 && remaining <= 7000)

            #expect(env["requestId"] as? String == result.requestID)
            #expect(env["invokedFunctionArn"] as? String == "arn:aws:lambda:us-east-1:000000000000:function:probe")
            let traceID = try #require(env["traceId"] as? String)
            #expect(traceID.wholeMatch(of: /Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0/) != nil)
            #expect(env["traceEnv"] as? String == traceID)
            #expect(env["clientContext"] as? String == #"{"client":{"app_title":"t"}}"#)
            #expect(env["cognitoIdentity"] as? String == #"{"cognitoIdentityId":"id-1"}"#)
            #expect(env["functionName"] as? String == "probe")
            #expect(env["memorySize"] as? String == "128")
            #expect(env["version"] as? String == "$LATEST")
            #expect(env["region"] as? String == "us-east-1")
            #expect(env["custom"] as? String == "given")

            // A fresh trace id per invocation, exported again.
            let second = try await emulator.invokeProbe(#"{"action":"env"}"#).responseObject()
            #expect(second["traceId"] as? String != traceID)
            #expect(second["traceEnv"] as? String == second["traceId"] as? String)
        }
    }

    @Test("one TCP connection carries 1,000 invocations")
    func keepAlive() async throws {
        try await withProbe { emulator, _ in
            for index in 0..<1000 {
                let event = #"{"action":"echo","n":\#(index)}"#
                let result = try await emulator.invokeProbe(event)
                try #require(result.responseBytes == Array(event.utf8), "invocation \(index): \(result.outcome)")
            }
            // Seen from the emulator's side: every request of the process came on one connection.
            let instance = try #require(emulator.instances(of: "probe").first)
            #expect(instance.connectionsUsed == 1)
            #expect(instance.invocationsServed == 1000)
            #expect(emulator.acceptedConnectionCount == 1)
        }
    }

    @Test("AWS_LAMBDA_RUNTIME_API as host:port on the process's own port")
    func hostPortEndpoint() async throws {
        try await withProbe(endpointStyle: .dedicatedPort) { emulator, _ in
            let result = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(result.responseBytes == Array(#"{"action":"echo"}"#.utf8))
            let instance = try #require(emulator.instances(of: "probe").first)
            let api = try #require(instance.runtimeAPI)
            #expect(api.wholeMatch(of: /127\.0\.0\.1:[0-9]+/) != nil)
            #expect(api != "127.0.0.1:\(emulator.port)")
        }
    }

    @Test("AWS_LAMBDA_RUNTIME_API as a base URL with a path prefix")
    func urlPrefixEndpoint() async throws {
        try await withProbe { emulator, _ in
            let result = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(result.responseBytes == Array(#"{"action":"echo"}"#.utf8))
            let instance = try #require(emulator.instances(of: "probe").first)
            #expect(instance.runtimeAPI == "http://127.0.0.1:\(emulator.port)/instances/\(instance.id)")
        }
    }

    @Test("a response over 6 MB is refused with 413 and becomes a reported error; the process carries on")
    func oversizeResponse() async throws {
        try await withProbe { emulator, _ in
            let small = try await emulator.invokeProbe(#"{"action":"big","bytes":100000}"#)
            #expect(small.responseBytes?.count == 100_000)

            let big = try await emulator.invokeProbe(#"{"action":"big","bytes":7000000}"#)
            let posted = try #require(big.functionError, "expected a function error, got \(big.outcome)")
            #expect(posted.report.errorType == "Function.ResponseSizeTooLarge")
            #expect(posted.report.errorMessage.contains("413"))
            #expect(try posted.parsedBody()["errorType"] as? String == "Function.ResponseSizeTooLarge")

            let next = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(next.responseBytes != nil)
            #expect(next.instanceID == big.instanceID)
        }
    }
}
