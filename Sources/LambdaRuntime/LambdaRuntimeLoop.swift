#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Essentials
import UTCTime

/// The custom-runtime loop: ask for an invocation, run the handler, post its result.
///
/// Separate from `Lambda.run` so it can be driven over any transport and stopped. With
/// `AWS_LAMBDA_MAX_CONCURRENCY` above 1 each worker thread runs a loop of its own.
public struct LambdaRuntimeLoop<Handler: LambdaHandler> {
    /// Why `run` returned.
    public enum Exit: Sendable {
        /// SIGTERM: no more invocations are taken, and the one in flight (if any) was answered.
        case shutdown
        /// The Runtime API stopped answering.
        case runtimeAPIGone(RuntimeAPIError)
    }

    public var handler: Handler
    public let transport: any RuntimeAPITransport
    public let logger: LambdaLogger
    public let retry: RuntimeRetryPolicy
    public let deadlinePolicy: DeadlinePolicy
    /// Shared by the process's workers: only its first invocation is cold.
    public let coldStart: ColdStartFlag
    /// Whether `_X_AMZN_TRACE_ID` is set for each invocation: one process-wide variable can
    /// name one invocation only, so concurrent workers leave it alone (the context has the id).
    public let exportsTraceVariable: Bool
    /// This loop's marks for the SIGTERM handler; nil when SIGTERM is not handled (tests).
    public var shutdownWatch: ShutdownWatch?
    private let traceVariable = TraceIDVariable()
    /// Set once an implausible deadline header has been logged, so a peer that always sends
    /// one (some emulators) does not fill the log.
    private var reportedImplausibleDeadline = false

    public init(
        handler: Handler, transport: any RuntimeAPITransport, logger: LambdaLogger, retry: RuntimeRetryPolicy = RuntimeRetryPolicy(),
        deadlinePolicy: DeadlinePolicy = DeadlinePolicy(functionTimeoutMilliseconds: DeadlinePolicy.defaultTimeoutMilliseconds),
        coldStart: ColdStartFlag = ColdStartFlag(), exportsTraceVariable: Bool = true
    ) {
        self.handler = handler
        self.transport = transport
        self.logger = logger
        self.retry = retry
        self.deadlinePolicy = deadlinePolicy
        self.coldStart = coldStart
        self.exportsTraceVariable = exportsTraceVariable
    }

    /// Serves invocations until SIGTERM or until the Runtime API stops answering.
    public mutating func run() -> Exit {
        while true {
            if let shutdownWatch, !shutdownWatch.beginPoll() { return .shutdown }
            let next = nextInvocation()
            shutdownWatch?.endPoll()
            switch next {
            case .success(let invocation):
                // Taken before or as SIGTERM came: it is answered all the same.
                serve(invocation)
            case .failure(let error):
                if shutdownWatch?.isRequested == true { return .shutdown }
                return .runtimeAPIGone(error)
            }
            if shutdownWatch?.isRequested == true { return .shutdown }
        }
    }

    /// `next`, retried with capped exponential backoff within the policy's budget.
    public func nextInvocation() -> Result<RuntimeInvocation, RuntimeAPIError> {
        var delays = retry.delays[...]
        while true {
            do {
                return .success(try transport.next())
            } catch {
                guard error.code != .invalidEndpoint, shutdownWatch?.isRequested != true, let delay = delays.popFirst() else {
                    return .failure(error)
                }
                logger.warn("Runtime API next failed; retrying", ["error": error.description, "retryInMs": String(delay)])
                Self.sleep(milliseconds: delay)
            }
        }
    }

    /// Runs one invocation and reports its outcome. Never throws: every failure becomes
    /// an error report for this invocation or a log line, and the loop goes on.
    public mutating func serve(_ invocation: RuntimeInvocation) {
        if exportsTraceVariable { traceVariable.set(invocation.traceID) }
        let arrival = Instant.now()
        if !reportedImplausibleDeadline, !deadlinePolicy.isPlausible(headerMilliseconds: invocation.deadlineMilliseconds, now: arrival) {
            reportedImplausibleDeadline = true
            logger.warn(
                "Lambda-Runtime-Deadline-Ms is not a plausible deadline; using the configured timeout",
                ["deadlineMs": String(invocation.deadlineMilliseconds), "timeoutMs": String(deadlinePolicy.functionTimeoutMilliseconds)]
            )
        }
        let cold = coldStart.take()
        var context = LambdaContext(
            requestID: invocation.requestID,
            deadline: deadlinePolicy.deadline(headerMilliseconds: invocation.deadlineMilliseconds, now: arrival),
            invokedFunctionARN: invocation.invokedFunctionARN,
            traceID: invocation.traceID,
            clientContext: invocation.clientContext,
            cognitoIdentity: invocation.cognitoIdentity,
            logger: logger.with(requestID: invocation.requestID, traceHeader: invocation.traceID, coldStart: cold)
        )
        context.isColdStart = cold

        let payload: [UInt8]
        do {
            payload = try handler.handle(invocation.event, context: context)
        } catch {
            let report = LambdaErrorReport(for: error)
            // The type only: a message may carry user data.
            context.logger.error("handler failed", ["errorType": report.errorType])
            postError(report, context: context)
            return
        }

        do {
            try transport.respond(requestID: invocation.requestID, payload: payload)
        } catch {
            context.logger.error("Runtime API did not take the response", ["error": error.description, "bytes": String(payload.count)])
            guard error.code == .rejected else { return }
            let report = LambdaErrorReport(
                errorType: error.status == 413 ? "Function.ResponseSizeTooLarge" : "Runtime.ResponseRejected",
                errorMessage: "The Runtime API refused the response (HTTP \(error.status ?? 0), \(payload.count) bytes)"
            )
            postError(report, context: context)
        }
    }

    private func postError(_ report: LambdaErrorReport, context: LambdaContext) {
        do {
            try transport.reportError(requestID: context.requestID, report)
        } catch {
            context.logger.error("Runtime API did not take the error report", ["error": error.description])
        }
    }

    static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
