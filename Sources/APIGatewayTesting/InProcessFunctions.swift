import Essentials
import FoundationEssentials
public import LambdaRuntime
public import RuntimeEmulator
import Synchronization
import UTCTime

/// Functions as handlers in this process: each instance is the handler `makeHandler` builds
/// from the environment a process of that function would get, served by the runtime's own
/// loop on a thread of its own (libpq blocks, and the cooperative pool is small). Instances are
/// reused, at most `maximumInstances` at once, as warm processes are.
///
/// Invocations are not bounded by the timeout (nothing can stop a handler mid-call): the
/// timeout only sets each context's deadline, as the runtime would.
public final class InProcessFunctions: FunctionHost {
    public typealias MakeHandler = @Sendable (LambdaInitContext) throws -> any LambdaHandler

    /// Variables added under each function's own: the handlers write to this process's
    /// standard output, which the test runner shares, so no EMF record per invocation and
    /// errors only. A configuration may set them back.
    public static let quietEnvironment = ["POWERTOOLS_METRICS_DISABLED": "true", "AWS_LAMBDA_LOG_LEVEL": "ERROR"]

    private struct Function {
        let configuration: FunctionConfiguration
        let makeHandler: MakeHandler
        var idle: [Instance] = []
        var started = 0
        var waiting: [CheckedContinuation<Instance?, Never>] = []
    }

    private struct State {
        var functions: [String: Function] = [:]
        var nextInstanceID = 1
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

    public func register(_ configuration: FunctionConfiguration, makeHandler: @escaping MakeHandler) {
        state.withLock { $0.functions[configuration.name] = Function(configuration: configuration, makeHandler: makeHandler) }
    }

    public func invoke(_ event: [UInt8], function: String, timeout: Duration? = nil) async throws -> HostedInvocation {
        let requestID = UUID().uuidString.lowercased()
        let instance: Instance
        switch await checkOut(function) {
        case .instance(let found): instance = found
        case .failed(let outcome): return HostedInvocation(requestID: requestID, outcome: outcome)
        }
        let outcome = await SystemThread.run { instance.handle(event, requestID: requestID, timeout: timeout) }
        checkIn(instance, function: function)
        return HostedInvocation(requestID: requestID, outcome: outcome)
    }

    /// Holds `instances` at once (at most the maximum), so that idle ones are reused and
    /// the rest started; then frees them all.
    public func prewarm(function: String, instances: Int) async {
        let maximum = state.withLock { $0.functions[function]?.configuration.maximumInstances } ?? 1
        var taken: [Instance] = []
        for _ in 0..<min(instances, max(1, maximum)) {
            guard case .instance(let instance) = await checkOut(function) else { break }
            taken.append(instance)
        }
        for instance in taken { checkIn(instance, function: function) }
    }

    public func liveInstanceCount(of function: String) -> Int {
        state.withLock { $0.functions[function]?.started ?? 0 }
    }

    public func shutdown() async {
        let waiting = state.withLock { state -> [CheckedContinuation<Instance?, Never>] in
            state.closed = true
            let waiting = state.functions.values.flatMap(\.waiting)
            for name in state.functions.keys {
                state.functions[name]?.waiting = []
                state.functions[name]?.idle = []
            }
            return waiting
        }
        for continuation in waiting { continuation.resume(returning: nil) }
    }

    private enum CheckOut {
        case instance(Instance)
        case failed(InvocationOutcome)
    }

    /// An idle instance, a new one while fewer than the maximum run, else the next one freed.
    private func checkOut(_ name: String) async -> CheckOut {
        enum Next { case use(Instance), start(FunctionConfiguration, MakeHandler, Int), wait, unknown, closed }
        let next = state.withLock { state -> Next in
            guard !state.closed else { return .closed }
            guard var function = state.functions[name] else { return .unknown }
            defer { state.functions[name] = function }
            if let instance = function.idle.popLast() { return .use(instance) }
            guard function.started < max(1, function.configuration.maximumInstances) else { return .wait }
            function.started += 1
            state.nextInstanceID += 1
            return .start(function.configuration, function.makeHandler, state.nextInstanceID - 1)
        }
        switch next {
        case .use(let instance):
            return .instance(instance)
        case .start(let configuration, let makeHandler, let id):
            let made = await SystemThread.run { Result { try Instance(configuration: configuration, makeHandler: makeHandler, id: id) } }
            switch made {
            case .success(let instance):
                return .instance(instance)
            case .failure(let error):
                state.withLock { $0.functions[name]?.started -= 1 }
                return .failed(.initError(PostedError(postedBy: LambdaErrorReport(for: error)), exit: .exited(1)))
            }
        case .wait:
            let instance = await withCheckedContinuation { continuation in
                let closed = state.withLock { state -> Bool in
                    guard !state.closed else { return true }
                    state.functions[name]?.waiting.append(continuation)
                    return false
                }
                if closed { continuation.resume(returning: nil) }
            }
            return instance.map(CheckOut.instance) ?? .failed(.emulatorShutDown)
        case .unknown:
            return .failed(.launchFailed("no function \(name) is registered"))
        case .closed:
            return .failed(.emulatorShutDown)
        }
    }

    private func checkIn(_ instance: Instance, function name: String) {
        let waiter = state.withLock { state -> CheckedContinuation<Instance?, Never>? in
            guard !state.closed, var function = state.functions[name] else { return nil }
            defer { state.functions[name] = function }
            if function.waiting.isEmpty {
                function.idle.append(instance)
                return nil
            }
            return function.waiting.removeFirst()
        }
        waiter?.resume(returning: instance)
    }
}

/// One warm handler, served by the runtime's own loop (`LambdaRuntimeLoop.serve`) over an
/// in-memory transport: the same context, deadline, cold-start flag, logs and error reports
/// as in a process. Used by one invocation at a time: it is checked out of the pool.
private final class Instance: @unchecked Sendable {
    let configuration: FunctionConfiguration
    private let transport = OneInvocationTransport()
    private let serve: (RuntimeInvocation) -> Void

    init(configuration: FunctionConfiguration, makeHandler: InProcessFunctions.MakeHandler, id: Int) throws {
        self.configuration = configuration
        var environment = configuration.processEnvironment(runtimeAPI: "in-process", logStream: "in-process/\(id)")
        for (name, value) in InProcessFunctions.quietEnvironment where configuration.environment[name] == nil {
            environment[name] = value
        }
        let logger = LambdaLogger(environment: environment)
        let handler = try makeHandler(LambdaInitContext(functionName: configuration.name, logger: logger, environment: environment))
        serve = Self.loop(handler, transport: transport, logger: logger, deadlinePolicy: DeadlinePolicy(environment: environment))
    }

    /// Opens the existential once: the loop is generic over its handler.
    private static func loop<H: LambdaHandler>(
        _ handler: H, transport: OneInvocationTransport, logger: LambdaLogger, deadlinePolicy: DeadlinePolicy
    ) -> (RuntimeInvocation) -> Void {
        var loop = LambdaRuntimeLoop(handler: handler, transport: transport, logger: logger, deadlinePolicy: deadlinePolicy)
        return { loop.serve($0) }
    }

    /// One invocation, with the deadline the Runtime API would send for `timeout`.
    func handle(_ event: [UInt8], requestID: String, timeout: Duration?) -> InvocationOutcome {
        let limit = timeout ?? configuration.timeout
        let milliseconds = limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
        serve(RuntimeInvocation(
            requestID: requestID, deadlineMilliseconds: Instant.now().millisecondsSinceEpoch + milliseconds,
            // No trace id: the loop then only unsets _X_AMZN_TRACE_ID, which is never set in a
            // test process, so concurrent instances leave the shared environment alone.
            invokedFunctionARN: configuration.functionARN, traceID: nil, clientContext: nil, cognitoIdentity: nil, event: event
        ))
        return transport.takeOutcome()
    }
}

/// The Runtime API for one invocation at a time: `serve` posts its response or error here.
private final class OneInvocationTransport: RuntimeAPITransport {
    private var outcome: InvocationOutcome?

    func takeOutcome() -> InvocationOutcome {
        defer { outcome = nil }
        return outcome ?? .launchFailed("the runtime loop posted no outcome")
    }

    func next() throws(RuntimeAPIError) -> RuntimeInvocation {
        throw RuntimeAPIError(code: .invalidEndpoint, message: "in process, invocations are handed to the loop directly")
    }

    func respond(requestID: String, payload: [UInt8]) throws(RuntimeAPIError) {
        outcome = .response(payload)
    }

    func reportError(requestID: String, _ report: LambdaErrorReport) throws(RuntimeAPIError) {
        outcome = .functionError(PostedError(postedBy: report))
    }

    func reportInitError(_ report: LambdaErrorReport) throws(RuntimeAPIError) {}
}
