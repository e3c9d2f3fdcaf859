#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Essentials
import LambdaRuntime

/// Does what the event's `action` says.
struct ProbeHandler: ConcurrentLambdaHandler {
    mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8] {
        guard let probe = ProbeEvent(event) else { throw ProbeError.undecodableEvent }
        let action = probe.strings["action"] ?? ""
        switch action {
        case "echo":
            return event
        case "throw":
            throw ProbeError.requested(probe.strings["message"] ?? ProbeError.awkwardMessage)
        case "sleep":
            let milliseconds = probe.integers["ms"] ?? 0
            var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
            return Array("{\"slept\":\(milliseconds)}".utf8)
        case "await":
            // Blocks until the test opens the FIFO at `path` for writing, then reads to its end:
            // the test decides when this invocation finishes, without timing.
            let path = probe.strings["path"] ?? ""
            let text = Self.readToEnd(path)
            context.logger.info("awaited", ["body": text])
            return Array((
                "{\"awaited\":\(JSONWriter.quoted(text)),\"requestId\":\(JSONWriter.quoted(context.requestID))"
                    + ",\"traceId\":\(context.traceID.map(JSONWriter.quoted) ?? "null")"
                    + ",\"traceEnv\":\(getenv("_X_AMZN_TRACE_ID").map { JSONWriter.quoted(String(cString: $0)) } ?? "null")"
                    + ",\"deadlineMs\":\(context.deadline.millisecondsSinceEpoch),\"coldStart\":\(context.isColdStart)}"
            ).utf8)
        case "big":
            return [UInt8](repeating: UInt8(ascii: "x"), count: max(0, probe.integers["bytes"] ?? 0))
        case "crash":
            abort()
        case "log":
            context.logger.info("probe log line")
            return Array("{\"logged\":true}".utf8)
        case "env":
            return Array(environmentReport(context).utf8)
        default:
            throw ProbeError.unknownAction(action)
        }
    }

    private static func readToEnd(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func environmentReport(_ context: LambdaContext) -> String {
        func field(_ value: String?) -> String { value.map(JSONWriter.quoted) ?? "null" }
        func variable(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
        return "{\"requestId\":\(field(context.requestID))"
            + ",\"deadlineMs\":\(context.deadline.millisecondsSinceEpoch)"
            + ",\"remainingMs\":\(context.remainingMilliseconds)"
            + ",\"invokedFunctionArn\":\(field(context.invokedFunctionARN))"
            + ",\"traceId\":\(field(context.traceID))"
            + ",\"traceEnv\":\(field(variable("_X_AMZN_TRACE_ID")))"
            + ",\"clientContext\":\(field(context.clientContext))"
            + ",\"cognitoIdentity\":\(field(context.cognitoIdentity))"
            + ",\"functionName\":\(field(variable("AWS_LAMBDA_FUNCTION_NAME")))"
            + ",\"memorySize\":\(field(variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")))"
            + ",\"version\":\(field(variable("AWS_LAMBDA_FUNCTION_VERSION")))"
            + ",\"region\":\(field(variable("AWS_REGION")))"
            + ",\"custom\":\(field(variable("PROBE_CUSTOM")))}"
    }
}
