public import RuntimeEmulator

/// Events through our Runtime API emulator: each function registered twice, as itself with
/// `AUTH_MODE=jwt` and as `NAME@none`, one warm process each.
public struct EmulatorInvoker: FunctionInvoker {
    private let emulator: RuntimeEmulator

    public init(fleet: FunctionFleet, databaseURL: String) async throws {
        emulator = try await RuntimeEmulator.start()
        for (name, path) in fleet.binaries {
            for mode in ["jwt", "none"] {
                emulator.register(FunctionConfiguration(
                    name: mode == "jwt" ? name : name + "@none", executablePath: path,
                    environment: fleet.functionEnvironment(databaseURL: databaseURL, authMode: mode),
                    memorySizeMB: fleet.memorySizeMB, timeout: fleet.timeout, logFormat: fleet.logFormat, maximumInstances: 1
                ))
            }
        }
    }

    public func invoke(_ payload: [UInt8], function: String) async throws -> InvocationOutcome {
        try await emulator.invoke(payload, function: function).outcome
    }

    public func shutdown() async {
        await emulator.shutdown()
    }
}
