#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CurlHTTP
public import APIGatewayTesting
import Essentials
public import RuntimeEmulator
import Synchronization

/// Events through another implementation of the Lambda Runtime API: cargo-lambda's emulator
/// (`cargo lambda watch --only-lambda-apis`), which serves a function `NAME` at
/// `BASE/.rt/NAME` and takes invocations at `BASE/2015-03-31/functions/NAME/invocations`.
///
/// It checks the functions against a peer we did not write, with its own idea of the headers:
/// cargo-lambda 1.9 sends `Lambda-Runtime-Deadline-Ms: 600000`, a duration, not a Unix time.
/// Each function process starts on its first event and is stopped by `shutdown`.
public final class PeerRuntimeInvoker: FunctionInvoker {
    private let base: String
    private let fleet: FunctionFleet
    private let databaseURL: String
    private let processes = Mutex<[String: pid_t]>([:])
    private let exits = Mutex<[String: ProcessExit]>([:])

    /// `base`: the peer's address, such as `http://127.0.0.1:9000`.
    public init(base: String, fleet: FunctionFleet, databaseURL: String) {
        self.base = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.fleet = fleet
        self.databaseURL = databaseURL
    }

    public func outcome(of payload: [UInt8], function: String) async throws -> InvocationOutcome {
        // The peer names functions in URL paths: `users@none` becomes `users-none`.
        let peerName = function.replacing("@", with: "-")
        if let exit = exits.withLock({ $0[function] }) { return .processExited(exit) }
        try start(function, peerName: peerName)
        // Blocking, on purpose: replay run delivers one event at a time.
        let client = try CurlHTTPClient(connectTimeoutMilliseconds: 2_000)
        let timeout = Int(fleet.timeout.components.seconds) * 1000 + 5_000
        let response = try client.perform(CurlHTTPRequest(
            method: "POST", url: "\(base)/2015-03-31/functions/\(peerName)/invocations",
            headers: [(name: "Content-Type", value: "application/json")], body: payload, timeoutMilliseconds: timeout
        ))
        if let exit = exits.withLock({ $0[function] }) { return .processExited(exit) }
        guard response.status == 200 else {
            let type = response.header("Lambda-Runtime-Function-Error-Type") ?? "HTTP \(response.status)"
            return .functionError(PostedError(report: LambdaErrorReport(errorType: type, errorMessage: ""), headerErrorType: type, body: response.body))
        }
        return .response(response.body)
    }

    public func shutdown() async {
        let pids = processes.withLock { processes in defer { processes = [:] }; return Array(processes.values) }
        for pid in pids { kill(pid, SIGTERM) }
        // The monitor threads reap them; give them a moment, then make sure.
        for _ in 0..<50 where pids.contains(where: { kill($0, 0) == 0 }) {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for pid in pids where kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    private func start(_ function: String, peerName: String) throws {
        guard processes.withLock({ $0[function] }) == nil else { return }
        let name = String(function.split(separator: "@").first ?? Substring(function))
        guard let path = fleet.binaries[name] else { throw ReplayError(.missingBinary, "no binary for function \(name)") }
        let configuration = FunctionConfiguration(
            name: name, executablePath: path,
            environment: fleet.functionEnvironment(databaseURL: databaseURL, authMode: function.hasSuffix("@none") ? "none" : "jwt"),
            memorySizeMB: fleet.memorySizeMB, timeout: fleet.timeout, logFormat: fleet.logFormat
        )
        let environment = configuration.processEnvironment(runtimeAPI: "\(base)/.rt/\(peerName)", logStream: "peer/\(peerName)")
        let pid = try FunctionProcess.spawn(
            path: path, arguments: [], environment: environment,
            onLine: { _, _ in },
            onExit: { [weak self] exit in self?.exits.withLock { $0[function] = exit } }
        )
        processes.withLock { $0[function] = pid }
    }
}
