import APIGatewayTesting
import LambdaRuntime
import RuntimeEmulator
import TestTags
import Testing

/// The test kit's in-process host serves a handler through the runtime's own loop, so it
/// must answer as a process would: the payload, a reported error, an init error, the
/// cold-start flag and the deadline, with instances reused up to the maximum.
@Suite("In-process functions: the runtime loop without a process", .tags(.pure))
struct InProcessFunctionsTests {
    /// Answers `cold` or `warm`, the deadline's distance in seconds, and fails on `throw`.
    struct Reporter: LambdaHandler {
        struct Refused: Error {}

        func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8] {
            if event == Array("throw".utf8) { throw Refused() }
            let seconds = (context.remainingMilliseconds + 500) / 1000
            return Array("\(context.isColdStart ? "cold" : "warm") \(seconds)".utf8)
        }
    }

    struct InitFailure: Error {}

    static func functions(maximumInstances: Int = 1) -> InProcessFunctions {
        let functions = InProcessFunctions()
        functions.register(
            FunctionConfiguration(name: "reporter", executablePath: "", timeout: .seconds(30), maximumInstances: maximumInstances)
        ) { _ in Reporter() }
        functions.register(FunctionConfiguration(name: "broken", executablePath: "")) { _ in throw InitFailure() }
        return functions
    }

    @Test("the payload comes back, cold then warm, with the function's timeout as the deadline; one instance is reused")
    func responses() async throws {
        let functions = Self.functions()
        let first = try await functions.invoke(Array("x".utf8), function: "reporter", timeout: nil)
        let second = try await functions.invoke(Array("x".utf8), function: "reporter", timeout: .seconds(5))
        #expect(first.responseBytes == Array("cold 30".utf8))
        #expect(second.responseBytes == Array("warm 5".utf8))
        #expect(first.requestID != second.requestID)
        #expect(functions.liveInstanceCount(of: "reporter") == 1)
        await functions.shutdown()
    }

    @Test("a thrown error is a function error naming its type, and the instance goes on serving")
    func thrownError() async throws {
        let functions = Self.functions()
        let failed = try await functions.invoke(Array("throw".utf8), function: "reporter", timeout: nil)
        guard case .functionError(let posted) = failed.outcome else {
            Issue.record("expected a function error, got \(failed.outcome)")
            return
        }
        #expect(posted.report.errorType == "Refused")
        let next = try await functions.invoke(Array("x".utf8), function: "reporter", timeout: nil)
        #expect(next.responseBytes == Array("warm 30".utf8))
        await functions.shutdown()
    }

    @Test("a handler that cannot be made is an init error")
    func initError() async throws {
        let functions = Self.functions()
        let result = try await functions.invoke([], function: "broken", timeout: nil)
        guard case .initError(let posted, _) = result.outcome else {
            Issue.record("expected an init error, got \(result.outcome)")
            return
        }
        #expect(posted.report.errorType == "InitFailure")
        await functions.shutdown()
    }
}
