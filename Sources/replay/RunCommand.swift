import ArgumentParser
import APIGatewayTesting
import ReplayKit

/// `replay run [PATH…]`: replay files against a fresh database and compare.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay event files against a fresh database and compare the responses.",
        discussion: """
        DATABASE_URL must name a server where replay may create a database (an admin URL to the \
        throwaway cluster from scripts/pg-start). Each file runs after the tables are emptied \
        and its seed SQL applied. Request ids, timestamps and generated UUIDs are masked before \
        comparing (functions/README.md).
        """
    )

    @Argument(help: "Files or folders (default: functions).")
    var paths: [String] = []

    @Flag(help: "Rewrite the expectations with what the functions answer now.")
    var update = false

    @Flag(help: "Keep the database afterwards (its name is printed).")
    var keepDatabase = false

    @Option(help: ArgumentHelp(
        "Deliver the events through another Runtime API instead of replay's emulator.",
        discussion: "The address of cargo-lambda's emulator (`cargo lambda watch --only-lambda-apis`), such as http://127.0.0.1:9000.",
        valueName: "URL"
    ))
    var peerRuntimeAPI: String?

    @OptionGroup var options: FunctionOptions

    func run() async throws {
        guard let adminURL = options.resolvedDatabaseURL else {
            throw ValidationError("set DATABASE_URL (eval \"$(scripts/pg-start)\") or pass --database-url")
        }
        var files: [String] = []
        for path in paths.isEmpty ? ["functions"] : paths { files += try FileText.jsonFiles(under: path) }
        guard !files.isEmpty else { throw ValidationError("no .json files under \(paths.joined(separator: " "))") }
        let fleet = try options.fleet(environment: [:])
        try fleet.checkBinaries()
        let database = try ScratchDatabase.create(adminURL: adminURL)
        let summary: ReplayRunner.Summary
        do {
            let invoker: any FunctionInvoker = if let peerRuntimeAPI {
                PeerRuntimeInvoker(base: peerRuntimeAPI, fleet: fleet, databaseURL: database.url)
            } else {
                try await fleet.startReplayFunctions(databaseURL: database.url)
            }
            let runner = ReplayRunner(invoker: invoker, database: database) { Output.out($0) }
            summary = await runner.run(files: files, update: update, progress: Output.isTerminal)
            await runner.shutdown()
        } catch {
            if !keepDatabase { try? database.drop() }
            throw error
        }
        if keepDatabase { Output.err("replay: kept database \(database.name)\n") } else { try? database.drop() }
        if !summary.succeeded { throw ExitCode(1) }
    }
}
