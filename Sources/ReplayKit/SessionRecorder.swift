#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import APIGatewayTesting
import LambdaHTTP
import RuntimeEmulator
import Synchronization

/// `serve --record DIR`: every event and its outcome, in the order they completed, as one
/// replay file (`DIR/serve-EPOCH.json`) that `replay run DIR` replays against a fresh
/// database. The file is rewritten whole after each request (write, then rename), so it is
/// complete whenever the server stops.
public final class SessionRecorder: Sendable {
    public let path: String
    /// `none` when serve runs without `--jwt-secret`.
    public let authMode: String
    private let steps = Mutex<[ReplayCase.Step]>([])

    public init(directory: String, authMode: String) throws(ReplayError) {
        self.authMode = authMode
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw ReplayError(.fileAccess, "cannot create \(directory): \(String(cString: strerror(errno)))")
        }
        path = directory + "/serve-\(HTTPAPIEventBuilder.nowMilliseconds()).json"
    }

    func record(function: String, event: JSONValue, outcome: InvocationOutcome, clockDays: ClockDays) {
        let expected = StoredOutcome.make(outcome, eventText: event.jsonText, clockDays: clockDays)
        steps.withLock { steps in
            steps.append(ReplayCase.Step(function: function, event: event, expected: expected))
            let file = ReplayCase(description: "Recorded by replay serve", authMode: authMode, steps: steps)
            try? FileText.write(file.json.prettyText, to: path)
        }
    }
}
