import Essentials
import Foundation
import LambdaRuntime
import TestTags
import Testing

/// The loop's decisions over an in-memory transport: what it posts for each kind of
/// handler result and transport failure. The end-to-end behaviour is in the probe tests.
// Serialized: the loop sets the process-wide _X_AMZN_TRACE_ID.
@Suite("Runtime loop units", .serialized, .tags(.pure))
struct RuntimeLoopUnitTests {
    /// Records calls; answers with scripted results.
    final class ScriptedTransport: RuntimeAPITransport {
        var invocations: [Result<RuntimeInvocation, RuntimeAPIError>] = []
        var respondFailure: RuntimeAPIError?
        var reportFailure: RuntimeAPIError?
        var responses: [(String, [UInt8])] = []
        var errors: [(String, LambdaErrorReport)] = []
        var nextCalls = 0

        func next() throws(RuntimeAPIError) -> RuntimeInvocation {
            nextCalls += 1
            guard !invocations.isEmpty else { throw RuntimeAPIError(code: .unreachable, message: "closed") }
            return try invocations.removeFirst().get()
        }
        func respond(requestID: String, payload: [UInt8]) throws(RuntimeAPIError) {
            if let respondFailure { throw respondFailure }
            responses.append((requestID, payload))
        }
        func reportError(requestID: String, _ report: LambdaErrorReport) throws(RuntimeAPIError) {
            errors.append((requestID, report))
            if let reportFailure { throw reportFailure }
        }
        func reportInitError(_ report: LambdaErrorReport) throws(RuntimeAPIError) {}
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "bad \"input\"\n" }
    }

    /// Echoes, or throws for the event `fail`; records the trace variable it saw.
    struct TestHandler: LambdaHandler {
        var traceSeen: [String?] = []
        mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8] {
            traceSeen.append(getenv("_X_AMZN_TRACE_ID").map { String(cString: $0) })
            if event == Array("fail".utf8) { throw Failure() }
            return event
        }
    }

    static func invocation(_ id: String, _ event: String, trace: String? = nil) -> RuntimeInvocation {
        RuntimeInvocation(
            requestID: id, deadlineMilliseconds: 0, invokedFunctionARN: "arn", traceID: trace,
            clientContext: nil, cognitoIdentity: nil, event: Array(event.utf8)
        )
    }

    static let quickRetry = RuntimeRetryPolicy(initialDelayMilliseconds: 1, maximumDelayMilliseconds: 4, budgetMilliseconds: 20)

    @Test("responses and thrown errors are posted per invocation; the trace variable follows each one")
    func servesAndReports() {
        let transport = ScriptedTransport()
        transport.invocations = [
            .success(Self.invocation("a", "one", trace: "Root=1-a")),
            .success(Self.invocation("b", "fail")),
            .success(Self.invocation("c", "two", trace: "Root=1-c")),
        ]
        var loop = LambdaRuntimeLoop(handler: TestHandler(), transport: transport, logger: LambdaLogger(minimumLevel: .fatal), retry: Self.quickRetry)
        guard case .runtimeAPIGone(let stop) = loop.run() else {
            Issue.record("the loop stopped for SIGTERM, which never came")
            return
        }
        #expect(stop.code == .unreachable)
        #expect(transport.responses.map(\.0) == ["a", "c"])
        #expect(transport.responses.map(\.1) == [Array("one".utf8), Array("two".utf8)])
        #expect(transport.errors.map(\.0) == ["b"])
        #expect(transport.errors.first?.1 == LambdaErrorReport(errorType: "Failure", errorMessage: "bad \"input\"\n"))
        #expect(loop.handler.traceSeen == ["Root=1-a", nil, "Root=1-c"])
    }

    @Test("a refused response becomes an error report; a failing error post is survived")
    func refusedResponse() {
        let transport = ScriptedTransport()
        transport.invocations = [.success(Self.invocation("a", "one")), .success(Self.invocation("b", "two"))]
        transport.respondFailure = RuntimeAPIError(code: .rejected, status: 413, message: "too large")
        transport.reportFailure = RuntimeAPIError(code: .rejected, status: 400, message: "no")
        var loop = LambdaRuntimeLoop(handler: TestHandler(), transport: transport, logger: LambdaLogger(minimumLevel: .fatal), retry: Self.quickRetry)
        _ = loop.run()
        #expect(transport.errors.map(\.0) == ["a", "b"])
        #expect(transport.errors.allSatisfy { $0.1.errorType == "Function.ResponseSizeTooLarge" })
    }

    @Test("next is retried within the budget, then the loop stops")
    func retriesThenStops() {
        let transport = ScriptedTransport()
        transport.invocations = [
            .failure(RuntimeAPIError(code: .unreachable, message: "reset")),
            .failure(RuntimeAPIError(code: .rejected, status: 500, message: "oops")),
            .success(Self.invocation("a", "one")),
        ]
        var loop = LambdaRuntimeLoop(handler: TestHandler(), transport: transport, logger: LambdaLogger(minimumLevel: .fatal), retry: Self.quickRetry)
        _ = loop.run()
        #expect(transport.responses.map(\.0) == ["a"])
        // 3 scripted answers, then 1 + one attempt per delay before giving up.
        #expect(transport.nextCalls == 3 + 1 + Self.quickRetry.delays.count)
    }

    @Test("retry delays double up to the cap and add up to the budget")
    func retryDelays() {
        let delays = RuntimeRetryPolicy(initialDelayMilliseconds: 5, maximumDelayMilliseconds: 500, budgetMilliseconds: 5000).delays
        #expect(Array(delays.prefix(4)) == [5, 10, 20, 40])
        #expect(delays.max() == 500)
        #expect(delays.reduce(0, +) == 5000)
    }

    @Test("AWS_LAMBDA_RUNTIME_API: host:port and base URL with prefix")
    func endpoints() throws {
        #expect(try RuntimeAPIEndpoint("127.0.0.1:9001").runtimeBaseURL == "http://127.0.0.1:9001/2018-06-01/runtime")
        #expect(try RuntimeAPIEndpoint("http://127.0.0.1:9000/instances/4/").runtimeBaseURL
            == "http://127.0.0.1:9000/instances/4/2018-06-01/runtime")
        #expect(throws: RuntimeAPIError.self) { try RuntimeAPIEndpoint("") }
        #expect(throws: RuntimeAPIError.self) { try RuntimeAPIEndpoint("ftp://host:1") }
    }

    @Test("error documents are valid JSON for any message and keep it exactly")
    func errorDocument() throws {
        let message = "quote \" backslash \\ newline \n nul \u{0} del \u{7F} emoji 🧬 Ελληνικά"
        let report = LambdaErrorReport(errorType: "Type", errorMessage: message)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json)) as? [String: Any])
        #expect(object["errorMessage"] as? String == message)
        #expect(object["errorType"] as? String == "Type")
        #expect((object["stackTrace"] as? [Any])?.isEmpty == true)
    }
}
