#if canImport(Glibc)
import Glibc
#endif
import APIGatewayTesting
import Essentials
import Foundation
import RuntimeEmulator
import Synchronization
import TestTags
import Testing

/// FIFOs that hold probe invocations (`{"action":"await"}`) until the test lets each go:
/// an invocation is provably in flight once its FIFO is open at both ends.
private final class Gates: Sendable {
    let directory: String
    private let writers = Mutex<[Int: Int32]>([:])

    init(_ count: Int) throws {
        directory = NSTemporaryDirectory() + "gates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            try #require(mkfifo(path(index), 0o600) == 0)
        }
    }

    func path(_ index: Int) -> String { "\(directory)/\(index)" }

    func event(_ index: Int) -> String { #"{"action":"await","path":"\#(path(index))"}"# }

    /// Returns once invocation `index` has opened its FIFO (blocking open, on a thread of its own).
    func awaitHolder(_ index: Int) async {
        let path = path(index)
        let descriptor = await SystemThread.run { open(path, O_WRONLY) }
        writers.withLock { $0[index] = descriptor }
    }

    /// Lets invocation `index` finish with `body` as what it read.
    func release(_ index: Int, body: String) {
        guard let descriptor = writers.withLock({ $0.removeValue(forKey: index) }) else { return }
        _ = Array(body.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    deinit {
        for descriptor in writers.withLock({ Array($0.values) }) { close(descriptor) }
        try? FileManager.default.removeItem(atPath: directory)
    }
}

@Suite("Many invocations in one process (AWS_LAMBDA_MAX_CONCURRENCY) and SIGTERM", .tags(.process))
struct ConcurrentRuntimeTests {
    /// The probe's answer to an `await` event.
    struct Awaited {
        let body: String
        let requestID: String
        let traceID: String?
        let traceEnv: String?
        let deadlineMs: Int64
        let coldStart: Bool

        init(_ result: InvocationResult) throws {
            let object = try result.responseObject()
            body = try #require(object["awaited"] as? String)
            requestID = try #require(object["requestId"] as? String)
            traceID = object["traceId"] as? String
            traceEnv = object["traceEnv"] as? String
            deadlineMs = try #require((object["deadlineMs"] as? NSNumber)?.int64Value)
            coldStart = try #require(object["coldStart"] as? Bool)
        }
    }

    @Test("four invocations in flight at once in one process answer in the order released, each with its own id, trace, body and log line; a thrown error disturbs none")
    func inFlightTogether() async throws {
        let count = 4
        let gates = try Gates(count)
        // One worker more than the invocations held, for the one that throws.
        try await withProbe(maximumConcurrency: count + 1) { emulator, output in
            try await withThrowingTaskGroup(of: (Int, InvocationResult).self) { group in
                for index in 0..<count {
                    group.addTask {
                        (index, try await emulator.invokeProbe(gates.event(index)))
                    }
                }
                // All four hold their FIFO open: they are in flight together.
                for index in 0..<count { await gates.awaitHolder(index) }
                #expect(emulator.instances(of: "probe").count == 1)

                // Another invocation throws meanwhile: a function error of its own, nothing else.
                let failed = try await emulator.invokeProbe(#"{"action":"throw","message":"only me"}"#)
                #expect(failed.functionError?.report.errorMessage == "only me")

                var results: [Int: InvocationResult] = [:]
                var order: [Int] = []
                for index in (0..<count).reversed() {
                    gates.release(index, body: "body-\(index)")
                    // Nothing else can finish before this one: their FIFOs are still open.
                    let (finished, result) = try #require(try await group.next())
                    order.append(finished)
                    results[finished] = result
                }
                // The group hands results over as they complete.
                #expect(order == [3, 2, 1, 0])

                let answers = try (0..<count).map { try Awaited(try #require(results[$0])) }
                for (index, answer) in answers.enumerated() {
                    #expect(answer.body == "body-\(index)")
                    #expect(answer.requestID == results[index]!.requestID)
                    #expect(answer.traceID?.hasPrefix("Root=1-") == true)
                    // One process-wide variable cannot name four invocations: it is never set.
                    #expect(answer.traceEnv == nil)
                }
                #expect(Set(answers.map(\.requestID)).count == count)
                #expect(Set(answers.compactMap(\.traceID)).count == count)
                // Only the process's first invocation paid for the init.
                #expect(answers.filter(\.coldStart).count == 1)

                try await output.wait { texts in
                    answers.allSatisfy { answer in texts.contains { $0.contains(answer.requestID) && $0.contains("awaited body=body-") } }
                }
                for (index, answer) in answers.enumerated() {
                    let lines = output.texts.filter { $0.contains(answer.requestID) && $0.contains("awaited") }
                    #expect(lines.count == 1)
                    #expect(lines.first?.hasSuffix("body=body-\(index)") == true)
                }
                #expect(output.texts.contains { $0.contains("serving invocations concurrently workers=5") })
            }
        }
    }

    @Test("each invocation has its own deadline; one timing out leaves the others running")
    func deadlinesPerInvocation() async throws {
        let gates = try Gates(2)
        try await withProbe(maximumConcurrency: 3) { emulator, _ in
            async let long = emulator.invokeProbe(gates.event(0), timeout: .seconds(60))
            await gates.awaitHolder(0)
            // Held past its own 1 s limit: it times out alone.
            async let short = emulator.invokeProbe(gates.event(1), timeout: .seconds(1))
            await gates.awaitHolder(1)
            let timedOut = try await short
            guard case .timedOut = timedOut.outcome else {
                Issue.record("expected a timeout, got \(timedOut.outcome)")
                return
            }
            let quick = try await emulator.invokeProbe(#"{"action":"env"}"#, timeout: .seconds(10))
            let quickDeadline = try #require((try quick.responseObject()["deadlineMs"] as? NSNumber)?.int64Value)

            gates.release(0, body: "late")
            let answer = try Awaited(try await long)
            #expect(answer.body == "late")
            // 60 s against 10 s from about the same moment.
            #expect(answer.deadlineMs - quickDeadline > 30_000)
            #expect(emulator.instances(of: "probe").count == 1)
            #expect(emulator.instances(of: "probe").first?.exit == nil)
        }
    }

    @Test("without AWS_LAMBDA_MAX_CONCURRENCY the process has one thread, as before; with 3, the main thread and three workers")
    func threads() async throws {
        for (concurrency, expected) in [(1, 1), (3, 4)] {
            try await withProbe(maximumConcurrency: concurrency) { emulator, _ in
                _ = try await emulator.invokeProbe(#"{"action":"echo"}"#)
                let pid = try #require(emulator.instances(of: "probe").first?.pid)
                let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
                #expect(tasks.count == expected, "concurrency \(concurrency)")
            }
        }
    }

    @Test("SIGTERM between invocations: the process exits 0 and says why", arguments: [1, 3])
    func sigtermWhenIdle(concurrency: Int) async throws {
        try await withProbe(maximumConcurrency: concurrency) { emulator, output in
            let echoed = try await emulator.invokeProbe(#"{"action":"echo"}"#)
            #expect(echoed.responseBytes != nil)
            let instance = try #require(emulator.instances(of: "probe").first)
            emulator.terminateGracefully(instanceID: instance.id)
            #expect(await emulator.waitForExit(instanceID: instance.id) == .exited(0))
            try await output.wait { $0.contains { $0.contains("SIGTERM") } }
            #expect(output.texts.contains { $0.contains("SIGTERM: in-flight invocations answered") })
        }
    }

    @Test("SIGTERM during invocations: the ones in flight are answered, then the process exits 0", arguments: [1, 3])
    func sigtermInFlight(concurrency: Int) async throws {
        let gates = try Gates(concurrency)
        try await withProbe(maximumConcurrency: concurrency) { emulator, _ in
            try await withThrowingTaskGroup(of: InvocationResult.self) { group in
                for index in 0..<concurrency {
                    group.addTask { try await emulator.invokeProbe(gates.event(index)) }
                }
                for index in 0..<concurrency { await gates.awaitHolder(index) }
                let instance = try #require(emulator.instances(of: "probe").first)
                emulator.terminateGracefully(instanceID: instance.id)
                for index in 0..<concurrency { gates.release(index, body: "after-term-\(index)") }
                var bodies: [String] = []
                for try await result in group { bodies.append(try Awaited(result).body) }
                #expect(bodies.sorted() == (0..<concurrency).map { "after-term-\($0)" })
                #expect(await emulator.waitForExit(instanceID: instance.id) == .exited(0))
            }
        }
    }
}
