import APIGatewayTesting
import ArgumentParser
import HealthTracker
import LambdaHTTP
import ReplayKit
import RuntimeEmulator
import Synchronization

/// `replay invoke FUNCTION EVENT.json…`: one process, the events in order.
struct InvokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Start a function and deliver events to it in order (- reads one from standard input).",
        discussion: "An event file is a Lambda event, or a replay file (its steps' events are delivered). Exits 1 when any invocation fails."
    )

    @Argument(help: "\((APIFunction.allCases.map(\.rawValue) + [DefaultRouteFunction.name]).joined(separator: ", ")) (any name with --bootstrap).")
    var function: String

    @Argument(help: "Event files, or - for standard input.")
    var events: [String]

    @Flag(help: "Print each response payload as raw JSON.")
    var json = false

    @Option(help: "Run this custom-runtime executable instead of the function's binary.")
    var bootstrap: String?

    // Auth is off locally unless asked for, as in `replay serve` (without --jwt-secret); a
    // replay file keeps the mode its expectations were recorded with.
    @Option(help: "AUTH_MODE for the function: none or jwt (events carry authorizer claims, as deployed). Default: the replay files' own authMode, else none, as in replay serve.")
    var authMode: String?

    @OptionGroup var options: FunctionOptions

    func run() async throws {
        guard authMode == nil || authMode == "none" || authMode == "jwt" else { throw ValidationError("--auth-mode is none or jwt") }
        var payloads: [(String, [UInt8])] = []
        var fileModes: Set<String> = []
        var plainEvents = false
        for path in events {
            let bytes = path == "-" ? FileText.readStandardInput() : try FileText.read(path)
            // A replay file's events, or any other payload exactly as given.
            if let document = (try? JSONValue.parse(bytes))?.sortingMembers(), document["steps"] != nil {
                let file = try ReplayCase(parsing: bytes)
                fileModes.insert(file.authMode)
                for (index, step) in file.steps.enumerated() {
                    payloads.append(("\(path) step \(index + 1)", Array(step.event.jsonText.utf8)))
                }
            } else {
                plainEvents = true
                payloads.append((path, bytes))
            }
        }
        let mode = authMode ?? (!plainEvents && fileModes.count == 1 ? fileModes.first! : "none")

        var fleet = try options.fleet(environment: ["AUTH_MODE": mode])
        if let bootstrap { fleet.binaries[function] = bootstrap }
        guard fleet.binaries[function] != nil else { throw ValidationError("unknown function \(function)") }
        fleet.binaries = fleet.binaries.filter { $0.key == function }
        try fleet.checkBinaries()

        let logs = Mutex<[String]>([])
        let emulator = try await fleet.startEmulator { line in logs.withLock { $0.append(line.text) } }
        var failed = false
        for (label, payload) in payloads {
            let result = try await emulator.invoke(payload, function: function)
            // Lines are read on another thread: let the last ones of this invocation arrive.
            try? await Task.sleep(for: .milliseconds(20))
            let lines = logs.withLock { lines in defer { lines = [] }; return lines }
            Output.out(InvocationReport.text(result, logs: lines, json: json, label: label))
            failed = failed || InvocationReport.isFailure(result.outcome)
        }
        // Shutting down waits for each process's last output, so nothing is lost on a busy machine.
        await emulator.shutdown()
        let late = logs.withLock { $0 }
        if !late.isEmpty { Output.out("-- log lines that arrived after their response\n" + late.joined(separator: "\n") + "\n") }
        if failed { throw ExitCode(1) }
    }
}
