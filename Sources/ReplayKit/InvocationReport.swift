import APIGatewayTesting
import LambdaHTTP
public import RuntimeEmulator

/// How `replay invoke` prints one invocation: the response (readable, or the raw payload),
/// the durations, and the function's log lines.
public enum InvocationReport {
    public static func text(_ result: InvocationResult, logs: [String], json: Bool, label: String) -> String {
        var out = "== \(label): \(result.function) "
        out += result.coldStart ? "(cold start)\n" : "(warm)\n"
        if let initDuration = result.initDuration { out += "init:     \(milliseconds(initDuration))\n" }
        if let duration = result.duration { out += "duration: \(milliseconds(duration))\n" }
        switch result.outcome {
        case .response(let payload):
            if json {
                out += String(decoding: payload, as: UTF8.self) + "\n"
            } else if let response = GatewayResponse.fromPayload(payload) {
                out += "HTTP \(response.status)\n"
                for header in response.headers { out += "\(header.name): \(header.value)\n" }
                if let document = (try? JSONValue.parse(response.body))?.sortingMembers() {
                    out += "\n" + document.prettyText
                } else if !response.body.isEmpty {
                    out += "\n" + String(decoding: response.body, as: UTF8.self) + "\n"
                }
            } else {
                out += "response (API Gateway could not use it):\n" + String(decoding: payload, as: UTF8.self) + "\n"
            }
        case .functionError(let posted):
            out += "FUNCTION ERROR \(posted.report.errorType): \(posted.report.errorMessage)\n"
        case .initError(let posted, let exit):
            out += "INIT ERROR \(posted.report.errorType): \(posted.report.errorMessage) (\(exit))\n"
        case .processExited(let exit):
            out += "PROCESS EXITED: \(exit)\n"
        case .timedOut:
            out += "TIMED OUT: the process was killed\n"
        case .launchFailed(let message):
            out += "LAUNCH FAILED: \(message)\n"
        case .emulatorShutDown:
            out += "EMULATOR SHUT DOWN\n"
        }
        if !logs.isEmpty {
            out += "-- logs\n" + logs.joined(separator: "\n") + "\n"
        }
        return out
    }

    public static func isFailure(_ outcome: InvocationOutcome) -> Bool {
        if case .response = outcome { return false }
        return true
    }

    public static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return "\((value * 10).rounded() / 10) ms"
    }
}
