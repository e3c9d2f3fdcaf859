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
        Routes come from the deployed route table; a method or path outside it goes to \
        default_route, as the deployed $default route sends it: api.md's 404 problem, or 405 \
        with Allow. A function error, crash or unreadable response is 502 \
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

    @Option(help: "With --jwt-secret: refuse a token whose iss is not this (as the deployed authorizer's issuer).")
    var jwtIssuer: String?

    @Option(help: "With --jwt-secret: refuse a token whose aud (or client_id) does not hold this.")
    var jwtAudience: String?

    @Option(help: "Seconds from a request's first byte to the end of its headers before the connection is closed.")
    var headerTimeout: Double = 10

    @Option(help: "Seconds from the end of a request's headers to the end of its body before the connection is closed.")
    var bodyTimeout: Double = 30

    @Option(help: "Seconds a connection may wait with no request under way before it is closed.")
    var idleTimeout: Double = 60

    @Option(help: "Client connections open at once at most; more are closed as they are accepted.")
    var maxConnections: Int = 256

    @Flag(help: "Also print the functions' own log lines.")
    var functionLogs = false

    @OptionGroup var options: FunctionOptions

    func run() async throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        for (name, value) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout)] {
            guard value > 0 else { throw ValidationError("\(name) must be positive") }
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        let limits = GatewayConnectionLimits(
            headerTimeoutSeconds: headerTimeout, bodyTimeoutSeconds: bodyTimeout, idleTimeoutSeconds: idleTimeout,
            maximumConnections: maxConnections
        )
        guard jwtSecret != nil || (jwtIssuer == nil && jwtAudience == nil) else {
            throw ValidationError("--jwt-issuer and --jwt-audience need --jwt-secret")
        }
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
        let gateway = LocalGateway(emulator: emulator, verifier: jwtSecret.map { JWTVerifier(secret: $0, issuer: jwtIssuer, audience: jwtAudience) }, recorder: recorder)
        let server: ReplayServer
        do {
            server = try await ReplayServer.start(port: port, gateway: gateway, limits: limits) { Output.out($0 + "\n") }
        } catch let error as ReplayError where error.code == .listenFailed {
            await emulator.shutdown()
            Output.err("replay: \(error.message); pick another port with --port N (0: any free port)\n")
            throw ExitCode(1)
        }
        Output.out(ServeBanner.text(
            port: server.port, jwtSecret: jwtSecret, recordPath: recorder?.path, issuer: jwtIssuer, audience: jwtAudience
        ))
        // Ctrl-C, TERM or HUP closes the server; then the function processes are killed by PID.
        let signals = StopSignals { Task { await server.shutdown() } }
        try? await server.waitUntilClosed()
        await emulator.shutdown()
        withExtendedLifetime(signals) {}
    }
}
