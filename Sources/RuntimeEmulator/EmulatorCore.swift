#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import NIOCore
import NIOPosix
import NIOHTTP1
import Synchronization

/// The emulator's shared machinery: state under one lock, and the side effects
/// (writes, spawns, kills, timers) run after the lock is released.
final class EmulatorCore: Sendable {
    let state = Mutex(EmulatorState())
    let group: any EventLoopGroup
    let responseSizeLimit: Int
    let onOutput: (@Sendable (FunctionOutputLine) -> Void)?
    private let connectionCounter = Atomic<Int>(0)

    init(group: any EventLoopGroup, responseSizeLimit: Int, onOutput: (@Sendable (FunctionOutputLine) -> Void)?) {
        self.group = group
        self.responseSizeLimit = responseSizeLimit
        self.onOutput = onOutput
    }

    func newConnectionID() -> Int {
        connectionCounter.add(1, ordering: .relaxed).newValue
    }

    // MARK: Invocations

    func enqueue(
        requestID: String, payload: [UInt8], function: String, timeout: Duration?, clientContext: String?,
        cognitoIdentity: String?, continuation: CheckedContinuation<InvocationResult, Never>
    ) {
        let now = ContinuousClock.now
        let actions = state.withLock { state -> [EmulatorAction] in
            guard !state.closed, let configuration = state.functions[function]?.configuration else {
                return [.complete(continuation, InvocationResult(
                    requestID: requestID, function: function, outcome: .emulatorShutDown, instanceID: nil, coldStart: false,
                    initDuration: nil, duration: nil, spawnToOutcome: nil, totalDuration: .zero
                ))]
            }
            state.invocations[requestID] = PendingInvocation(
                requestID: requestID, function: function, payload: payload, timeout: timeout ?? configuration.timeout,
                clientContext: clientContext, cognitoIdentity: cognitoIdentity, continuation: continuation, enqueuedAt: now
            )
            state.functions[function]?.queue.append(requestID)
            return state.dispatch(function: function, now: now)
        }
        perform(actions)
    }

    func deadlineReached(_ requestID: String) {
        let actions = state.withLock { state -> [EmulatorAction] in
            guard let invocation = state.invocations[requestID], let instanceID = invocation.instanceID else { return [] }
            var actions: [EmulatorAction] = []
            if let action = state.finish(requestID, .timedOut, now: .now) { actions.append(action) }
            // A process serving several invocations at once keeps serving the others; its late
            // answer to this one is refused as for an unknown request id.
            if (state.functions[invocation.function]?.configuration.maximumConcurrency ?? 1) > 1 { return actions }
            state.instances[instanceID]?.killed = true
            if let pid = state.instances[instanceID]?.pid, state.instances[instanceID]?.exit == nil { actions.append(.kill(pid)) }
            return actions
        }
        perform(actions)
    }

    /// Kills a process still not serving when its init limit passes (slow or failed init).
    func initLimitReached(_ instanceID: Int) {
        let actions = state.withLock { state -> [EmulatorAction] in
            guard let instance = state.instances[instanceID], instance.exit == nil,
                  instance.firstNextAt == nil || instance.initFailure != nil else { return [] }
            state.instances[instanceID]?.killed = true
            return instance.pid.map { [.kill($0)] } ?? []
        }
        perform(actions)
    }

    func processExited(_ instanceID: Int, _ exit: ProcessExit) {
        perform(state.withLock { $0.processExited(instanceID, exit, now: .now) })
    }

    /// A parked `next` whose connection closed can take no invocation: forget it, so
    /// queued work goes to a live process instead.
    func connectionClosed(_ channel: any Channel) {
        state.withLock { state in
            for (id, instance) in state.instances where instance.waiters.contains(where: { $0.channel === channel }) {
                state.instances[id]?.waiters.removeAll { $0.channel === channel }
            }
        }
    }

    // MARK: Processes

    func launch(_ instanceID: Int, _ configuration: FunctionConfiguration) {
        switch configuration.endpointStyle {
        case .pathPrefix:
            let port = state.withLock { $0.port }
            spawn(instanceID, configuration, runtimeAPI: "http://127.0.0.1:\(port)/instances/\(instanceID)")
        case .dedicatedPort:
            RuntimeAPIServer.bind(core: self, port: 0, fixedInstanceID: instanceID).whenComplete { result in
                switch result {
                case .success(let channel):
                    let keep = self.state.withLock { state -> Bool in
                        guard !state.closed else { return false }
                        state.instances[instanceID]?.listener = channel
                        return true
                    }
                    guard keep else {
                        channel.close(promise: nil)
                        self.launchFailed(instanceID, "the emulator shut down")
                        return
                    }
                    self.spawn(instanceID, configuration, runtimeAPI: "127.0.0.1:\(channel.localAddress?.port ?? 0)")
                case .failure(let error):
                    self.launchFailed(instanceID, "cannot bind a Runtime API port: \(error)")
                }
            }
        }
    }

    private func spawn(_ instanceID: Int, _ configuration: FunctionConfiguration, runtimeAPI: String) {
        let environment = configuration.processEnvironment(runtimeAPI: runtimeAPI, logStream: "emulator/\(instanceID)")

        let name = configuration.name
        let onOutput = self.onOutput
        state.withLock { state in
            state.instances[instanceID]?.runtimeAPI = runtimeAPI
            state.instances[instanceID]?.spawnedAt = .now
        }
        let pid: pid_t
        do {
            pid = try FunctionProcess.spawn(
                path: configuration.executablePath, arguments: configuration.arguments, environment: environment,
                onLine: { stream, text in
                    onOutput?(FunctionOutputLine(function: name, instanceID: instanceID, stream: stream, text: text))
                },
                onExit: { [weak self] exit in self?.processExited(instanceID, exit) }
            )
        } catch {
            launchFailed(instanceID, error.message)
            return
        }
        let killNow = state.withLock { state -> Bool in
            state.instances[instanceID]?.pid = pid
            return state.closed || state.instances[instanceID]?.killed == true
        }
        if killNow { kill(pid, SIGKILL) }
    }

    private func launchFailed(_ instanceID: Int, _ message: String) {
        let actions = state.withLock { state -> [EmulatorAction] in
            guard let instance = state.instances[instanceID] else { return [] }
            state.instances[instanceID]?.exit = .exited(127)
            state.instances[instanceID]?.exitWaiters = []
            state.instances[instanceID]?.readyWaiters = []
            var actions: [EmulatorAction] = [.resume(instance.exitWaiters + instance.readyWaiters)]
            if let requestID = instance.launchedFor,
               let action = state.finish(requestID, .launchFailed(message), instanceID: instanceID, now: .now) {
                actions.append(action)
            }
            // Others still queued get a process of their own (and, if it fails too, this outcome).
            return actions + state.dispatch(function: instance.function, now: .now)
        }
        perform(actions)
    }

    /// Kills the live processes (all, or one function's) and waits until each is reaped.
    func terminate(function: String?) async {
        let targets = state.withLock { state -> [(Int, pid_t?)] in
            state.instances.values.filter { $0.exit == nil && (function == nil || $0.function == function) }.map { instance in
                state.instances[instance.id]?.killed = true
                return (instance.id, instance.pid)
            }
        }
        for (id, pid) in targets {
            if let pid { kill(pid, SIGKILL) }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { state -> Bool in
                    guard let instance = state.instances[id], instance.exit == nil, instance.pid != nil else { return true }
                    state.instances[id]?.exitWaiters.append(continuation)
                    return false
                }
                if done { continuation.resume() }
            }
        }
    }

    /// Starts processes up to `count` (within `maximumInstances`) and waits until each
    /// has asked for work or exited.
    func prewarm(function: String, count: Int) async {
        let (ids, actions) = state.withLock { $0.prewarm(function: function, count: count) }
        perform(actions)
        for id in ids {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { state -> Bool in
                    guard let instance = state.instances[id], instance.exit == nil, instance.firstNextAt == nil else { return true }
                    state.instances[id]?.readyWaiters.append(continuation)
                    return false
                }
                if done { continuation.resume() }
            }
        }
    }

    // MARK: Side effects

    func perform(_ actions: [EmulatorAction]) {
        for action in actions {
            switch action {
            case .reply(let reply):
                if let delay = reply.delay {
                    reply.channel.eventLoop.scheduleTask(in: .nanoseconds(delay.nanoseconds)) { Self.write(reply) }
                } else {
                    Self.write(reply)
                }
            case .complete(let continuation, let result):
                continuation.resume(returning: result)
            case .launch(let instanceID, let configuration):
                launch(instanceID, configuration)
            case .kill(let pid):
                kill(pid, SIGKILL)
            case .scheduleDeadline(let requestID, let after):
                group.any().scheduleTask(in: .nanoseconds(after.nanoseconds)) { self.deadlineReached(requestID) }
            case .scheduleInitLimit(let instanceID, let after):
                group.any().scheduleTask(in: .nanoseconds(after.nanoseconds)) { self.initLimitReached(instanceID) }
            case .close(let channel):
                channel.close(promise: nil)
            case .resume(let continuations):
                continuations.forEach { $0.resume() }
            }
        }
    }

    static func write(_ reply: HTTPReply) {
        let channel = reply.channel
        var headers = HTTPHeaders(reply.headers)
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(reply.body.count))
        if !reply.keepAlive { headers.add(name: "Connection", value: "close") }
        var buffer = channel.allocator.buffer(capacity: reply.body.count)
        buffer.writeBytes(reply.body)
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: reply.status, headers: headers)), promise: nil)
        channel.write(HTTPServerResponsePart.body(.byteBuffer(buffer)), promise: nil)
        let keepAlive = reply.keepAlive
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
