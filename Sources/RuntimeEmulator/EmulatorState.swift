#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1

/// Everything the emulator knows, mutated only under its lock.
struct EmulatorState {
    var port = 0
    var closed = false
    var functions: [String: RegisteredFunction] = [:]
    var instances: [Int: FunctionInstance] = [:]
    var invocations: [String: PendingInvocation] = [:]
    var nextInstanceID = 1
    var acceptedConnections = 0

    /// Hands queued invocations to parked `next` polls; launches processes when all are busy.
    mutating func dispatch(function name: String, now: ContinuousClock.Instant) -> [EmulatorAction] {
        guard !closed, var function = functions[name] else { return [] }
        var actions: [EmulatorAction] = []
        while let requestID = function.queue.first,
              let instanceID = instances.values.filter({ $0.function == name && $0.isServing && !$0.waiters.isEmpty }).map(\.id).min() {
            function.queue.removeFirst()
            actions += assign(requestID, to: instanceID, now: now)
        }
        functions[name] = function

        let serving = instances.values.filter { $0.function == name && $0.exit == nil }
        var starting = serving.filter { $0.firstNextAt == nil && $0.isServing }.count
        var running = serving.count
        while function.queue.count > starting && running < function.configuration.maximumInstances {
            let id = nextInstanceID
            nextInstanceID += 1
            instances[id] = FunctionInstance(id: id, function: name, launchedFor: function.queue[starting])
            actions.append(.launch(instanceID: id, configuration: function.configuration))
            actions.append(.scheduleInitLimit(instanceID: id, after: function.configuration.initTimeout))
            starting += 1
            running += 1
        }
        return actions
    }

    private mutating func assign(_ requestID: String, to instanceID: Int, now: ContinuousClock.Instant) -> [EmulatorAction] {
        guard var invocation = invocations[requestID], var instance = instances[instanceID], !instance.waiters.isEmpty else { return [] }
        invocation.instanceID = instanceID
        invocation.assignedAt = now
        // Cold: the process's first invocation, and it waited for the process to start
        // (a prewarmed process that was ready first serves warm).
        invocation.coldStart = instance.invocationsAssigned == 0 && (instance.firstNextAt.map { $0 >= invocation.enqueuedAt } ?? true)
        let waiter = instance.waiters.removeFirst()
        instance.invocationsAssigned += 1
        instance.currentRequestIDs.insert(requestID)
        invocations[requestID] = invocation
        instances[instanceID] = instance

        let configuration = functions[invocation.function]!.configuration
        let epochMilliseconds = Self.epochMilliseconds()
        let deadline = epochMilliseconds + Int64(invocation.timeout.components.seconds * 1000)
            + invocation.timeout.components.attoseconds / 1_000_000_000_000_000
        var headers: [(String, String)] = [
            ("Lambda-Runtime-Aws-Request-Id", requestID),
            ("Lambda-Runtime-Deadline-Ms", String(deadline)),
            ("Lambda-Runtime-Invoked-Function-Arn", configuration.functionARN),
            ("Lambda-Runtime-Trace-Id", TraceID.make(epochSeconds: epochMilliseconds / 1000)),
        ]
        if let clientContext = invocation.clientContext { headers.append(("Lambda-Runtime-Client-Context", clientContext)) }
        if let cognito = invocation.cognitoIdentity { headers.append(("Lambda-Runtime-Cognito-Identity", cognito)) }
        return [
            .reply(HTTPReply(
                channel: waiter.channel, keepAlive: waiter.keepAlive, status: .ok, headers: headers,
                body: invocation.payload, delay: waiter.delay
            )),
            .scheduleDeadline(requestID: requestID, after: invocation.timeout),
        ]
    }

    /// Ends an invocation with its outcome; `instanceID` names the process for an
    /// invocation that was never assigned (an init failure).
    mutating func finish(_ requestID: String, _ outcome: InvocationOutcome, instanceID: Int? = nil, now: ContinuousClock.Instant) -> EmulatorAction? {
        guard let invocation = invocations.removeValue(forKey: requestID) else { return nil }
        functions[invocation.function]?.queue.removeAll { $0 == requestID }
        let instance = (invocation.instanceID ?? instanceID).flatMap { instances[$0] }
        if let instance, instance.currentRequestIDs.contains(requestID) {
            instances[instance.id]?.currentRequestIDs.remove(requestID)
            instances[instance.id]?.invocationsServed += 1
        }
        let cold = invocation.coldStart || (invocation.instanceID == nil && instance != nil)
        let result = InvocationResult(
            requestID: requestID,
            function: invocation.function,
            outcome: outcome,
            instanceID: instance?.id,
            coldStart: cold,
            initDuration: cold ? instance?.initDuration : nil,
            duration: invocation.assignedAt.map { now - $0 },
            spawnToOutcome: cold ? instance?.spawnedAt.map { now - $0 } : nil,
            totalDuration: now - invocation.enqueuedAt,
            // Read now, while the process waits for the answer to its response.
            cpuTimeToOutcome: cold ? instance?.pid.flatMap(ProcStatus.allThreadsCPUNanoseconds(pid:)).map(Duration.nanoseconds) : nil
        )
        return .complete(invocation.continuation, result)
    }

    /// A process is gone: its invocation (or the one it was started for) gets the news.
    mutating func processExited(_ instanceID: Int, _ exit: ProcessExit, now: ContinuousClock.Instant) -> [EmulatorAction] {
        guard var instance = instances[instanceID] else { return [] }
        instance.exit = exit
        instance.waiters = []
        let waiters = instance.exitWaiters + instance.readyWaiters
        instance.exitWaiters = []
        instance.readyWaiters = []
        instances[instanceID] = instance
        var actions: [EmulatorAction] = [.resume(waiters)]
        if let listener = instance.listener { actions.append(.close(listener)) }

        if !instance.currentRequestIDs.isEmpty {
            for requestID in instance.currentRequestIDs.sorted() {
                if let action = finish(requestID, .processExited(exit), now: now) { actions.append(action) }
            }
        } else if instance.firstNextAt == nil, let requestID = instance.launchedFor,
                  invocations[requestID]?.instanceID == nil {
            let outcome: InvocationOutcome = instance.initFailure.map { .initError($0, exit: exit) } ?? .processExited(exit)
            if let action = finish(requestID, outcome, instanceID: instanceID, now: now) { actions.append(action) }
        }
        pruneExitedInstances()
        return actions + dispatch(function: instance.function, now: now)
    }

    /// Keeps the records of the most recent exited processes only, so a long run stays small.
    private mutating func pruneExitedInstances(keeping limit: Int = 256) {
        let exited = instances.values.filter { $0.exit != nil }.map(\.id).sorted()
        for id in exited.dropLast(limit) { instances[id] = nil }
    }

    /// Starts processes until the function has `count` live ones; returns the new ids.
    mutating func prewarm(function name: String, count: Int) -> (ids: [Int], actions: [EmulatorAction]) {
        guard !closed, let function = functions[name] else { return ([], []) }
        let live = instances.values.filter { $0.function == name && $0.exit == nil && !$0.killed }.count
        let target = min(count, function.configuration.maximumInstances)
        var ids: [Int] = []
        var actions: [EmulatorAction] = []
        for _ in 0..<max(0, target - live) {
            let id = nextInstanceID
            nextInstanceID += 1
            instances[id] = FunctionInstance(id: id, function: name)
            ids.append(id)
            actions.append(.launch(instanceID: id, configuration: function.configuration))
            actions.append(.scheduleInitLimit(instanceID: id, after: function.configuration.initTimeout))
        }
        return (ids, actions)
    }

    static func epochMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
