import ArgumentParser
import LambdaRuntime
import ReplayKit
import RuntimeEmulator

/// `replay serve`: API Gateway and Lambda on 127.0.0.1.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API on 127.0.0.1 through the real functions, as API Gateway and Lambda do.",
        discussion: """
        Routes come from the deployed route table; a method or path outside it is API Gateway's \
        404 {"message":"Not Found"}. A function error, crash or unreadable response is 502 \
        {"message":"Internal Server Error"}; a function past --timeout is killed and answers 504 \
        {"message":"Endpoint request timed out"}; a function that cannot start is 503. Without \
        --jwt-secret the functions run with AUTH_MODE=none.
        """
    )

    @Option(help: "Port on 127.0.0.1 (0: any free port).")
    var port: Int = 3000

    @Option(help: "Warm processes per function at most (more requests queue).")
    var concurrency: Int = 4

    @Option(help: ArgumentHelp(
        "Invocations each process serves at once, as on Lambda Managed Instances (AWS_LAMBDA_MAX_CONCURRENCY).",
        discussion: "With --concurrency 1 --max-concurrency N, one process per function serves N requests at once."
    ))
    var maxConcurrency: Int = 1

    @Option(help: "Save every event and response into a replay file in this folder.")
    var record: String?

    @Option(help: "Verify HS256 bearer tokens with this secret and pass their claims (AUTH_MODE=jwt).")
    var jwtSecret: String?

    @Flag(help: "Also print the functions' own log lines.")
    var functionLogs = false

    @OptionGroup var options: FunctionOptions

    func run() async throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard (1...RuntimeShutdown.maximumWorkers).contains(maxConcurrency) else {
            throw ValidationError("--max-concurrency must be between 1 and \(RuntimeShutdown.maximumWorkers)")
        }
        let authMode = jwtSecret == nil ? "none" : "jwt"
        let fleet = try options.fleet(environment: ["AUTH_MODE": authMode], maximumInstances: concurrency, maximumConcurrency: maxConcurrency)
        try fleet.checkBinaries()
        if options.resolvedDatabaseURL == nil {
            Output.err("replay: DATABASE_URL is not set; the functions will fail at init\n")
        }
        let showLogs = functionLogs
        let emulator = try await fleet.startEmulator { line in
            if showLogs { Output.err("  [\(line.function)#\(line.instanceID)] \(line.text)\n") }
        }
        let recorder = try record.map { directory throws(ReplayError) in try SessionRecorder(directory: directory, authMode: authMode) }
        let gateway = LocalGateway(emulator: emulator, verifier: jwtSecret.map(JWTVerifier.init), recorder: recorder)
        let server: ReplayServer
        do {
            server = try await ReplayServer.start(port: port, gateway: gateway) { Output.out($0 + "\n") }
        } catch let error as ReplayError where error.code == .listenFailed {
            await emulator.shutdown()
            Output.err("replay: \(error.message); pick another port with --port N (0: any free port)\n")
            throw ExitCode(1)
        }
        Output.out(ServeBanner.text(port: server.port, jwtSecret: jwtSecret, recordPath: recorder?.path))
        // Ctrl-C, TERM or HUP closes the server; then the function processes are killed by PID.
        let signals = StopSignals { Task { await server.shutdown() } }
        try? await server.waitUntilClosed()
        await emulator.shutdown()
        withExtendedLifetime(signals) {}
    }
}
