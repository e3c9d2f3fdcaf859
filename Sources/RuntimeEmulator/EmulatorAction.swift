#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// Work decided under the state lock and carried out after it is released.
enum EmulatorAction {
    case reply(HTTPReply)
    case complete(CheckedContinuation<InvocationResult, Never>, InvocationResult)
    case launch(instanceID: Int, configuration: FunctionConfiguration)
    case kill(pid_t)
    case scheduleDeadline(requestID: String, after: Duration)
    case scheduleInitLimit(instanceID: Int, after: Duration)
    case close(any Channel)
    case resume([CheckedContinuation<Void, Never>])
}
