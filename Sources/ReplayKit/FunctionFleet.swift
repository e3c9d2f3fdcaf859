#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import APIGatewayTesting
import HealthTracker
public import RuntimeEmulator

/// Which binaries run as which functions, and how: what `invoke`, `run` and `serve` share.
public struct FunctionFleet: Sendable {
    /// Function name to executable path.
    public var binaries: [String: String]
    public var environment: [String: String]
    public var timeout: Duration
    public var maximumInstances: Int
    /// Invocations each process serves at once (`AWS_LAMBDA_MAX_CONCURRENCY`, as on Lambda
    /// Managed Instances); 1: one at a time.
    public var maximumConcurrency: Int
    public var logFormat: String
    public var memorySizeMB: Int

    public init(
        binaries: [String: String], environment: [String: String], timeout: Duration = .seconds(10),
        maximumInstances: Int = 1, maximumConcurrency: Int = 1, logFormat: String = "Text", memorySizeMB: Int = 256
    ) {
        self.binaries = binaries
        self.environment = environment
        self.timeout = timeout
        self.maximumInstances = maximumInstances
        self.maximumConcurrency = maximumConcurrency
        self.logFormat = logFormat
        self.memorySizeMB = memorySizeMB
    }

    /// The six API functions and `default_route` from `directory` (by default the folder of
    /// the running `replay`, where SwiftPM puts every product), with `overrides` (`name=PATH`)
    /// taking precedence.
    public static func binaries(directory: String?, overrides: [String: String]) throws(ReplayError) -> [String: String] {
        let folder = directory ?? executableDirectory()
        var result: [String: String] = [:]
        for function in APIFunction.allCases.map(\.rawValue) + [DefaultRouteFunction.name] {
            result[function] = overrides[function] ?? folder + "/" + function
        }
        for (name, path) in overrides { result[name] = path }
        return result
    }

    /// Parses `name=PATH` options.
    public static func overrides(_ items: [String]) throws(ReplayError) -> [String: String] {
        var result: [String: String] = [:]
        for item in items {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ReplayError(.invalidOption, "--function-binary takes NAME=PATH, not \(item)")
            }
            result[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        return result
    }

    /// Checks that each binary exists and is executable.
    public func checkBinaries(_ names: [String]? = nil) throws(ReplayError) {
        for name in names ?? binaries.keys.sorted() {
            guard let path = binaries[name] else { throw ReplayError(.missingBinary, "no binary for function \(name)") }
            guard access(path, X_OK) == 0 else {
                throw ReplayError(.missingBinary, "\(path) is not an executable (build it with `swift build`, or pass --bin-dir)")
            }
        }
    }

    /// The fleet's environment for one function process of `replay run`.
    public func functionEnvironment(databaseURL: String, authMode: String) -> [String: String] {
        var result = environment
        result["DATABASE_URL"] = databaseURL
        result["AUTH_MODE"] = authMode
        return result
    }

    /// Starts an emulator with every function registered.
    public func startEmulator(onOutput: (@Sendable (FunctionOutputLine) -> Void)?) async throws -> RuntimeEmulator {
        let emulator = try await RuntimeEmulator.start(onOutput: onOutput)
        for (name, path) in binaries {
            emulator.register(FunctionConfiguration(
                name: name, executablePath: path, environment: environment, memorySizeMB: memorySizeMB,
                timeout: timeout, logFormat: logFormat, maximumInstances: maximumInstances,
                maximumConcurrency: maximumConcurrency
            ))
        }
        return emulator
    }

    /// `replay run`'s functions under a new emulator: each registered twice, as itself with
    /// `AUTH_MODE=jwt` and as `NAME@none`, one warm process each.
    public func startReplayFunctions(databaseURL: String) async throws -> ProcessFunctions {
        let functions = try await ProcessFunctions.start()
        for (name, path) in binaries {
            for mode in ["jwt", "none"] {
                functions.register(FunctionConfiguration(
                    name: mode == "jwt" ? name : name + "@none", executablePath: path,
                    environment: functionEnvironment(databaseURL: databaseURL, authMode: mode),
                    memorySizeMB: memorySizeMB, timeout: timeout, logFormat: logFormat, maximumInstances: 1
                ))
            }
        }
        return functions
    }

    /// The folder of the running executable (`/proc/self/exe`).
    public static func executableDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        return String(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
    }
}
