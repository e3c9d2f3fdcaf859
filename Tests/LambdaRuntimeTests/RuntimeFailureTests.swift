import Foundation
import RuntimeEmulator
import TestTags
import Testing

/// Init failures, crashes, timeouts and a misbehaving Runtime API, with the real probe.
@Suite("Runtime failures", .tags(.process))
struct RuntimeFailureTests {
    @Test("an init error is posted to /init/error and the process exits non-zero")
    func initError() async throws {
        try await withProbe(environment: ["PROBE_FAIL_INIT": "1"]) { emulator, _ in
            let result = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            guard case .initError(let posted, let exit) = result.outcome else {
                Issue.record("expected an init error, got \(result.outcome)")
                return
            }
            #expect(posted.report.errorType == "ProbeInitError")
            #expect(posted.headerErrorType == "ProbeInitError")
            #expect(posted.report.errorMessage == "PROBE_FAIL_INIT is set")
            #expect(try posted.parsedBody()["stackTrace"] as? [Any] != nil)
            #expect(exit == .exited(1))
            #expect(result.coldStart)
        }
    }

    @Test("an invocation past its timeout kills the process; the next one gets a fresh process")
    func timeout() async throws {
        try await withProbe { emulator, _ in
            let slow = try await emulator.invokeProbe(#"{"action":"sleep","ms":30000}"#, timeout: .milliseconds(500))
            #expect(slow.outcome == .timedOut)
            let killedID = try #require(slow.instanceID)

            let next = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(next.responseBytes != nil)
            #expect(next.coldStart)
            #expect(next.instanceID != killedID)
            let killed = try #require(emulator.instances(of: "probe").first { $0.id == killedID })
            // The replacement started after the old process was reaped.
            #expect(killed.exit == .signaled(SIGKILL))
        }
    }

    @Test("a crash reports the process exit with the invocation it held")
    func crash() async throws {
        try await withProbe { emulator, _ in
            let crashed = try await emulator.invokeProbe(#"{"action":"crash"}"#)
            #expect(crashed.outcome == .processExited(.signaled(SIGABRT)))

            let next = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(next.responseBytes != nil)
            #expect(next.instanceID != crashed.instanceID)
        }
    }

    @Test("a connection dropped on next is retried on a new connection")
    func droppedNext() async throws {
        try await withProbe { emulator, _ in
            emulator.injectFaults([.dropConnectionOnNext], function: "probe")
            let result = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(emulator.pendingFaultCount(function: "probe") == 0)
            #expect(result.responseBytes == Array(#"{"action":"echo"}"#.utf8))
            // The connections the emulator saw the runtime's requests on.
            #expect(emulator.instances(of: "probe").first?.connectionsUsed == 2)
        }
    }

    @Test("a 500 on next is retried and the invocation succeeds on the same connection")
    func failedNext() async throws {
        try await withProbe { emulator, _ in
            emulator.injectFaults([.failNext(status: 500), .failNext(status: 503)], function: "probe")
            let result = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(emulator.pendingFaultCount(function: "probe") == 0)
            #expect(result.responseBytes == Array(#"{"action":"echo"}"#.utf8))
            #expect(emulator.instances(of: "probe").first?.connectionsUsed == 1)
        }
    }

    @Test("slow answers from the Runtime API only delay the invocation")
    func slowRuntimeAPI() async throws {
        try await withProbe { emulator, _ in
            emulator.injectFaults([.slowNext(.milliseconds(300)), .slowAcknowledgement(.milliseconds(300))], function: "probe")
            let first = try await emulator.invokeProbe(#"{"action":"echo","n":1}"#)
            #expect(first.responseBytes == Array(#"{"action":"echo","n":1}"#.utf8))
            let second = try await emulator.invokeProbe(#"{"action":"echo","n":2}"#)
            #expect(second.responseBytes == Array(#"{"action":"echo","n":2}"#.utf8))
            #expect(emulator.pendingFaultCount(function: "probe") == 0)
        }
    }

    @Test("with no Runtime API the process retries, logs that it is gone, and exits non-zero")
    func runtimeAPIGone() async throws {
        let port = try #require(FreeLoopbackPort.find())
        try await withProbe(environment: ["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:\(port)"]) { emulator, output in
            let result = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(result.outcome == .processExited(.exited(1)))
            let instanceID = try #require(result.instanceID)
            let lines = output.texts(instanceID: instanceID)
            #expect(lines.contains { $0.contains("Runtime API next failed; retrying") })
            #expect(lines.contains { $0.contains("the Runtime API is gone; exiting") })
        }
    }

    @Test("warm processes scale out to the limit and each serves invocations")
    func pool() async throws {
        try await withProbe(maximumInstances: 3) { emulator, _ in
            let results = try await withThrowingTaskGroup(of: InvocationResult.self) { group in
                for index in 0..<6 {
                    group.addTask { try await emulator.invokeProbe(#"{"action":"sleep","ms":\#(200 + index)}"#) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.responseBytes != nil })
            let instances = emulator.instances(of: "probe")
            #expect(instances.count <= 3)
            #expect(instances.map(\.invocationsServed).reduce(0, +) == 6)
        }
    }

    @Test("prewarmed processes serve concurrent invocations warm")
    func prewarm() async throws {
        try await withProbe(maximumInstances: 3) { emulator, _ in
            await emulator.prewarm(function: "probe", instances: 3)
            let ready = emulator.instances(of: "probe")
            #expect(ready.count == 3)
            #expect(ready.allSatisfy { $0.isReady && $0.isAlive && $0.initDuration != nil })

            let results = try await withThrowingTaskGroup(of: InvocationResult.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await emulator.invokeProbe(#"{"action":"sleep","ms":100}"#) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0.responseBytes != nil && !$0.coldStart })
            #expect(emulator.instances(of: "probe").count == 3)
        }
    }

    @Test("a binary that cannot be started is a launch failure for each waiting invocation")
    func launchFailure() async throws {
        let emulator = try await RuntimeEmulator.start()
        emulator.register(FunctionConfiguration(name: "missing", executablePath: "/nonexistent/bootstrap"))
        let results = try await withThrowingTaskGroup(of: InvocationResult.self) { group in
            for _ in 0..<2 {
                group.addTask { try await emulator.invoke(Array("{}".utf8), function: "missing") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await emulator.shutdown()
        for result in results {
            guard case .launchFailed(let message) = result.outcome else {
                Issue.record("expected a launch failure, got \(result.outcome)")
                continue
            }
            #expect(message.contains("/nonexistent/bootstrap"))
        }
        #expect(results.count == 2)
    }
}
