public import RuntimeEmulator

/// The real function binaries under the Runtime API emulator: what Lambda runs.
public final class ProcessFunctions: FunctionHost {
    public let emulator: RuntimeEmulator

    public init(emulator: RuntimeEmulator) {
        self.emulator = emulator
    }

    /// A new emulator; `onOutput` gets every line the processes write.
    public static func start(onOutput: (@Sendable (FunctionOutputLine) -> Void)? = nil) async throws -> ProcessFunctions {
        ProcessFunctions(emulator: try await RuntimeEmulator.start(onOutput: onOutput))
    }

    public func register(_ configuration: FunctionConfiguration) {
        emulator.register(configuration)
    }

    public func invoke(_ event: [UInt8], function: String, timeout: Duration? = nil) async throws -> HostedInvocation {
        let result = try await emulator.invoke(event, function: function, timeout: timeout)
        return HostedInvocation(requestID: result.requestID, outcome: result.outcome)
    }

    public func prewarm(function: String, instances: Int) async {
        await emulator.prewarm(function: function, instances: instances)
    }

    public func liveInstanceCount(of function: String) -> Int {
        emulator.instances(of: function).filter { $0.exit == nil }.count
    }

    /// The process id of a live instance of the function, to inspect it.
    public func livePID(of function: String) -> Int32? {
        emulator.instances(of: function).first(where: \.isAlive)?.pid
    }

    public func shutdown() async {
        await emulator.shutdown()
    }
}
