#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import APIGatewayTesting
import HealthTracker
import RuntimeEmulator
import UTCTime

/// `replay run`: each file against a freshly reset database, its events through the real
/// function binaries, the outcomes compared with the expectations (or written, with `update`).
public final class ReplayRunner: Sendable {
    public struct Summary: Sendable {
        public var files = 0
        public var steps = 0
        public var passed = 0
        public var failed = 0
        public var updated = 0
        public var errors = 0

        public var succeeded: Bool { failed == 0 && errors == 0 }
    }

    private let invoker: any FunctionInvoker
    private let database: ScratchDatabase
    private let write: @Sendable (String) -> Void

    /// Events go through `invoker`: the binaries under our emulator (`FunctionFleet.startReplayFunctions`) or `PeerRuntimeInvoker`.
    public init(invoker: any FunctionInvoker, database: ScratchDatabase, write: @escaping @Sendable (String) -> Void) {
        self.invoker = invoker
        self.database = database
        self.write = write
    }

    public func shutdown() async {
        await invoker.shutdown()
    }

    public func run(files: [String], update: Bool, progress: Bool) async -> Summary {
        var summary = Summary()
        for (number, path) in files.enumerated() {
            if progress { write("\r\u{1B}[K[\(number + 1)/\(files.count)] \(path)") }
            summary.files += 1
            let report: String?
            do {
                report = try await runFile(path, update: update, summary: &summary)
            } catch {
                summary.errors += 1
                report = "ERROR \(path): \(error)\n"
            }
            if let report {
                if progress { write("\r\u{1B}[K") }
                write(report)
            }
        }
        if progress { write("\r\u{1B}[K") }
        var line = "\(summary.files) files, \(summary.steps) events: \(summary.passed) passed, \(summary.failed) failed"
        if summary.updated > 0 { line += ", \(summary.updated) updated" }
        if summary.errors > 0 { line += ", \(summary.errors) files could not run" }
        write(line + "\n")
        return summary
    }

    /// Runs one file; returns what to print about it (nil when all is well).
    private func runFile(_ path: String, update: Bool, summary: inout Summary) async throws -> String? {
        var file = try ReplayCase(parsing: FileText.read(path))
        try database.reset(seed: file.seed)
        let folderFunction = Self.folderFunction(path)
        var report = ""
        var changed = false
        for index in file.steps.indices {
            let step = file.steps[index]
            summary.steps += 1
            guard let function = ReplayCase.function(for: step, fallback: folderFunction) else {
                throw ReplayError(.invalidReplayFile, "step \(index + 1): no function (its routeKey is not in the table; add \"function\")")
            }
            let eventText = step.event.jsonText
            let started = Instant.now()
            let outcome = try await invoker.outcome(of: Array(eventText.utf8), function: file.authMode == "none" ? function + "@none" : function)
            let clockDays = ClockDays.during(start: started, end: .now())
            let actual = StoredOutcome.make(outcome, eventText: eventText, clockDays: clockDays)
            let expected = step.expected.map { StoredOutcome.normalised($0, eventText: eventText, clockDays: clockDays) }
            if let expected, expected == actual {
                summary.passed += 1
            } else if update {
                file.steps[index].expected = actual
                changed = true
                summary.updated += 1
            } else {
                summary.failed += 1
                let key = step.event["routeKey"]?.stringValue ?? function
                report += "FAIL \(path) step \(index + 1) (\(key))\n"
                report += expected.map {
                    LineDiff.diff(
                        expected: $0.prettyText, actual: actual.prettyText,
                        expectedLabel: "expected (stored in the file)",
                        actualLabel: "actual (what the function answered now; --update stores it)"
                    )
                } ?? "  no expectation; the outcome was:\n" + actual.prettyText
                report += "\n"
            }
        }
        if changed { try FileText.write(file.json.prettyText, to: path) }
        return report.isEmpty ? nil : report
    }

    /// `functions/NAME/events/...`: NAME when it is one of the functions.
    static func folderFunction(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(of: "events"), index > 0 else { return nil }
        let name = parts[index - 1]
        return APIFunction(rawValue: name) != nil ? name : nil
    }
}
