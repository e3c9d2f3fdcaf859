// RuntimeEmulator: a local Lambda Runtime API (SwiftNIO) that runs function binaries as child
// processes, for replay and the tests; never linked into a function binary.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import NIOCore
import NIOPosix

/// A local Lambda Runtime API (2018-06-01) that runs function binaries as child
/// processes and drives invocations through them over real HTTP.
///
/// Each process gets its own endpoint (a path prefix on the shared port, or a port of
/// its own) so the emulator knows who asks. Invocations queue per function; a process's
/// `next` long-polls until one is assigned to it; up to `maximumInstances` processes
/// per function are started on demand and replaced after a crash or a timeout.
public final class RuntimeEmulator: Sendable {
    /// Lambda's synchronous response limit: 6 MB.
    public static let lambdaResponseSizeLimit = 6_291_456

    private let core: EmulatorCore
    private let serverChannel: any Channel
    private let group: MultiThreadedEventLoopGroup
    /// The shared Runtime API port on 127.0.0.1.
    public let port: Int

    /// Binds 127.0.0.1 on `port` (0: any free port; see `port`).
    /// - Parameter onOutput: every line the function processes write, on a reader thread.
    public static func start(
        port: Int = 0,
        responseSizeLimit: Int = lambdaResponseSizeLimit,
        onOutput: (@Sendable (FunctionOutputLine) -> Void)? = nil
    ) async throws(RuntimeEmulatorError) -> RuntimeEmulator {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let core = EmulatorCore(group: group, responseSizeLimit: responseSizeLimit, onOutput: onOutput)
        let channel: any Channel
        do {
            channel = try await RuntimeAPIServer.bind(core: core, port: port, fixedInstanceID: nil).get()
        } catch {
            try? await group.shutdownGracefully()
            throw RuntimeEmulatorError(code: .bindFailed, message: "cannot bind 127.0.0.1:\(port): \(error)")
        }
        let boundPort = channel.localAddress?.port ?? port
        core.state.withLock { $0.port = boundPort }
        return RuntimeEmulator(core: core, serverChannel: channel, group: group, port: boundPort)
    }

    private init(core: EmulatorCore, serverChannel: any Channel, group: MultiThreadedEventLoopGroup, port: Int) {
        self.core = core
        self.serverChannel = serverChannel
        self.group = group
        self.port = port
    }

    /// Adds a function, or replaces its configuration (running processes keep theirs).
    public func register(_ configuration: FunctionConfiguration) {
        core.state.withLock { state in
            if state.functions[configuration.name] == nil {
                state.functions[configuration.name] = RegisteredFunction(configuration: configuration)
            } else {
                state.functions[configuration.name]?.configuration = configuration
            }
        }
    }

    /// Runs one invocation and waits for its outcome. Every way a function can fail is an
    /// outcome; this throws only for an unknown function or a stopped emulator.
    public func invoke(
        _ payload: [UInt8], function: String, timeout: Duration? = nil,
        clientContext: String? = nil, cognitoIdentity: String? = nil
    ) async throws(RuntimeEmulatorError) -> InvocationResult {
        let known = core.state.withLock { state -> Bool? in
            state.closed ? nil : state.functions[function] != nil
        }
        guard let known else { throw RuntimeEmulatorError(code: .shutDown, message: "the emulator has shut down") }
        guard known else { throw RuntimeEmulatorError(code: .unknownFunction, message: "no function named \(function)") }
        let requestID = UUID().uuidString.lowercased()
        return await withCheckedContinuation { continuation in
            core.enqueue(
                requestID: requestID, payload: payload, function: function, timeout: timeout,
                clientContext: clientContext, cognitoIdentity: cognitoIdentity, continuation: continuation
            )
        }
    }

    /// Starts processes until the function has `instances` live ones (at most its
    /// `maximumInstances`) and waits until each is ready for work or has exited, so later
    /// invocations are warm. See `instances(of:)` for how each start went.
    public func prewarm(function: String, instances: Int) async {
        await core.prewarm(function: function, count: instances)
    }

    /// Puts misbehaviour on the function's Runtime API, each fault used once, in order.
    public func injectFaults(_ faults: [RuntimeAPIFault], function: String) {
        core.state.withLock { state in
            for fault in faults {
                if case .slowAcknowledgement(let delay) = fault {
                    state.functions[function]?.acknowledgementDelays.append(delay)
                } else {
                    state.functions[function]?.nextFaults.append(fault)
                }
            }
        }
    }

    /// Injected faults not yet used.
    public func pendingFaultCount(function: String) -> Int {
        core.state.withLock { state in
            (state.functions[function]?.nextFaults.count ?? 0) + (state.functions[function]?.acknowledgementDelays.count ?? 0)
        }
    }

    /// The processes started so far (live and exited), oldest first.
    public func instances(of function: String? = nil) -> [InstanceInfo] {
        core.state.withLock { state in
            state.instances.values.filter { function == nil || $0.function == function }.map(\.info).sorted { $0.id < $1.id }
        }
    }

    /// TCP connections accepted on the shared port and the per-instance ports.
    public var acceptedConnectionCount: Int {
        core.state.withLock { $0.acceptedConnections }
    }

    /// Peak resident set size (`VmHWM`) of a live process, in KiB.
    public func peakResidentKilobytes(instanceID: Int) -> Int? {
        guard let info = instances().first(where: { $0.id == instanceID }), info.isAlive, let pid = info.pid else { return nil }
        return ProcStatus.peakResidentKilobytes(pid: pid)
    }

    /// Current resident set size (`VmRSS`) of a live process, in KiB.
    public func residentKilobytes(instanceID: Int) -> Int? {
        guard let info = instances().first(where: { $0.id == instanceID }), info.isAlive, let pid = info.pid else { return nil }
        return ProcStatus.residentKilobytes(pid: pid)
    }

    /// CPU time a live process has used so far (its main thread; exact, from
    /// `/proc/PID/schedstat`).
    public func cpuTime(instanceID: Int) -> Duration? {
        guard let info = instances().first(where: { $0.id == instanceID }), info.isAlive, let pid = info.pid,
              let nanoseconds = ProcStatus.cpuNanoseconds(pid: pid) else { return nil }
        return .nanoseconds(nanoseconds)
    }

    /// Sends SIGTERM to a live process, as Lambda does before it stops an execution
    /// environment with an extension registered: it gets no more invocations, and those it
    /// holds may still be answered. `waitForExit` tells how it ended.
    public func terminateGracefully(instanceID: Int) {
        let pid = core.state.withLock { state -> pid_t? in
            guard let instance = state.instances[instanceID], instance.exit == nil else { return nil }
            state.instances[instanceID]?.terminating = true
            return instance.pid
        }
        if let pid { kill(pid, SIGTERM) }
    }

    /// Waits until the process has exited (and been reaped); nil for an unknown instance.
    public func waitForExit(instanceID: Int) async -> ProcessExit? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = core.state.withLock { state -> Bool in
                guard let instance = state.instances[instanceID], instance.exit == nil, instance.pid != nil else { return true }
                state.instances[instanceID]?.exitWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        return core.state.withLock { $0.instances[instanceID]?.exit }
    }

    /// SIGKILLs the live processes (all, or one function's) and waits until they are reaped.
    /// Invocations they held end as `processExited`; queued ones start new processes.
    public func terminateInstances(of function: String? = nil) async {
        await core.terminate(function: function)
    }

    /// Stops everything it started: kills its processes (by PID), ends pending
    /// invocations as `emulatorShutDown`, closes its ports.
    public func shutdown() async {
        let actions = core.state.withLock { state -> [EmulatorAction] in
            state.closed = true
            var actions: [EmulatorAction] = []
            for requestID in Array(state.invocations.keys) {
                if let action = state.finish(requestID, .emulatorShutDown, now: .now) { actions.append(action) }
            }
            return actions
        }
        core.perform(actions)
        await core.terminate(function: nil)
        let listeners = core.state.withLock { state in state.instances.values.compactMap(\.listener) }
        for listener in listeners { try? await listener.close() }
        try? await serverChannel.close()
        try? await group.shutdownGracefully()
    }
}
