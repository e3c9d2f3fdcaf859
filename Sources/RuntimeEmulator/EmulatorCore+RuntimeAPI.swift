import Essentials
import FoundationEssentials
import NIOCore
import NIOHTTP1

/// The Runtime API's four calls, as the emulator answers them.
extension EmulatorCore {
    func handle(_ request: RuntimeAPIRequest, on channel: any Channel) {
        let now = ContinuousClock.now
        let actions = state.withLock { state -> [EmulatorAction] in
            let (instanceID, route) = request.target
            func answer(_ status: HTTPResponseStatus, _ errorType: String, _ message: String, delay: Duration? = nil) -> [EmulatorAction] {
                let body = "{\"errorMessage\":\"\(message)\",\"errorType\":\"\(errorType)\"}"
                return [.reply(HTTPReply(channel: channel, keepAlive: request.keepAlive, status: status, body: Array(body.utf8), delay: delay))]
            }
            guard let instanceID, var instance = state.instances[instanceID] else {
                return answer(.notFound, "UnknownInstance", "No such function instance")
            }
            instance.connectionIDs.insert(request.connectionID)
            state.instances[instanceID] = instance
            guard instance.exit == nil, !instance.killed else {
                return answer(.forbidden, "InstanceStopped", "This function instance has been stopped")
            }

            switch route {
            case .next:
                var delay: Duration?
                if let fault = state.functions[instance.function]?.nextFaults.first {
                    state.functions[instance.function]?.nextFaults.removeFirst()
                    switch fault {
                    case .dropConnectionOnNext: return [.close(channel)]
                    case .failNext(let status):
                        return answer(HTTPResponseStatus(statusCode: status), "ServiceException", "Injected failure")
                    case .slowNext(let duration): delay = duration
                    case .slowAcknowledgement: break
                    }
                }
                if instance.initFailure != nil {
                    return answer(.forbidden, "InitFailed", "Init error already reported")
                }
                var actions: [EmulatorAction] = []
                if instance.firstNextAt == nil {
                    state.instances[instanceID]?.firstNextAt = now
                    actions.append(.resume(instance.readyWaiters))
                    state.instances[instanceID]?.readyWaiters = []
                }
                // A process takes as many invocations at once as it has `next` polls parked
                // (its workers, with AWS_LAMBDA_MAX_CONCURRENCY set); a poll again on the same
                // connection replaces that connection's.
                state.instances[instanceID]?.waiters.removeAll { $0.channel === channel }
                state.instances[instanceID]?.waiters.append(NextWaiter(channel: channel, keepAlive: request.keepAlive, delay: delay))
                return actions + state.dispatch(function: instance.function, now: now)

            case .response(let requestID), .error(let requestID):
                guard let invocation = state.invocations[requestID], invocation.instanceID == instanceID else {
                    return answer(.badRequest, "InvalidRequestID", "Invalid request ID")
                }
                let delay = state.functions[instance.function]?.acknowledgementDelays.popFirst()
                if request.oversize {
                    // Lambda refuses the response; the invocation stays open for the error report.
                    return answer(
                        .payloadTooLarge, "RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (\(responseSizeLimit) bytes).", delay: delay
                    )
                }
                let outcome: InvocationOutcome
                if case .response = route {
                    outcome = .response(request.body)
                } else {
                    outcome = .functionError(Self.errorReport(request))
                }
                var actions: [EmulatorAction] = [.reply(HTTPReply(
                    channel: channel, keepAlive: request.keepAlive, status: .accepted, body: Array("{\"status\":\"OK\"}".utf8), delay: delay
                ))]
                if let action = state.finish(requestID, outcome, now: now) { actions.append(action) }
                return actions

            case .initError:
                guard instance.firstNextAt == nil else {
                    return answer(.forbidden, "InvalidStateTransition", "Init already finished")
                }
                state.instances[instanceID]?.initFailure = Self.errorReport(request)
                let limit = state.functions[instance.function]?.configuration.initTimeout ?? .seconds(10)
                return [
                    .reply(HTTPReply(channel: channel, keepAlive: request.keepAlive, status: .accepted, body: Array("{\"status\":\"OK\"}".utf8))),
                    // The runtime should exit now; if it lingers, the init limit kills it.
                    .scheduleInitLimit(instanceID: instanceID, after: min(limit, .seconds(2))),
                ]

            case .unknown:
                return answer(.notFound, "UnknownOperation", "Unknown Runtime API operation")
            }
        }
        perform(actions)
    }

    private struct ErrorBody: Decodable {
        var errorType: String?
        var errorMessage: String?
    }

    static func errorReport(_ request: RuntimeAPIRequest) -> PostedError {
        let decoded = try? JSONDecoder().decode(ErrorBody.self, from: Data(request.body))
        return PostedError(
            report: LambdaErrorReport(
                errorType: decoded?.errorType ?? request.errorTypeHeader ?? "Unknown",
                errorMessage: decoded?.errorMessage ?? ""
            ),
            headerErrorType: request.errorTypeHeader,
            body: request.body
        )
    }
}

extension Array {
    fileprivate mutating func popFirst() -> Element? {
        isEmpty ? nil : removeFirst()
    }
}
