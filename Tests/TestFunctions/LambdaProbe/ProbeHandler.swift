#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LambdaRuntime

/// Does what the event's `action` says.
struct ProbeHandler: LambdaHandler {
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

    private func environmentReport(_ context: LambdaContext) -> String {
        func field(_ value: String?) -> String { value.map(JSONText.quoted) ?? "null" }
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
