public import LambdaHTTP
public import LambdaRuntime
public import Postgres

/// Answers the routes of one function: auth first, then the endpoint. Each runtime worker
/// has its own, on its own session of the process's connection pool.
public struct HealthTrackerApplication: ConcurrentHTTPApplication {
    public let function: APIFunction
    public let authMode: AuthMode
    public let idempotencyKeys: IdempotencyKeyPolicy
    public let database: PostgresSession
    /// Refused credentials are logged once per process: every request after fails the same way
    /// (500, counted by the 5xx alarm) until the secret or the role's password is fixed.
    private var reportedRefusedCredentials = false

    public init(function: APIFunction, authMode: AuthMode, idempotencyKeys: IdempotencyKeyPolicy = .optional, database: PostgresSession) {
        self.function = function
        self.authMode = authMode
        self.idempotencyKeys = idempotencyKeys
        self.database = database
    }

    public mutating func respond(to request: HTTPRequest, match: RouteMatch<APIRoute>, context: LambdaContext) throws -> HTTPResponse {
        let call = APICall(request: request, match: match, context: context, caller: try Caller(request: request, mode: authMode))
        // Read-your-writes: a read presenting a write's token is answered by the reader only
        // once it has replayed that write.
        database.requiredReplayPosition = ConsistencyToken.requiredPosition(request)
        _ = database.takeWritePosition()
        defer {
            database.requiredReplayPosition = nil
            for warning in database.takeWarnings() { context.logger.warn(warning) }
        }
        do {
            var response = try IdempotentWrite(call, policy: idempotencyKeys).map { write in
                try write.respond(database, deadline: context.deadline) { try endpointResponse(call) }
            } ?? endpointResponse(call)
            if let position = database.takeWritePosition() {
                response.headers.set(name: ConsistencyToken.header, value: position.description)
            }
            return response
        } catch let error as PostgresError {
            switch error.code {
            case .configuration where error.sqlState?.hasPrefix("28") == true:
                if !reportedRefusedCredentials {
                    reportedRefusedCredentials = true
                    context.logger.error("the database refuses the credentials, also after the secret was read again: a configuration error", [
                        "sqlstate": error.sqlState ?? "-", "code": "\(error.code)",
                    ])
                }
            case .unavailable, .other, .badQuery, .decoding, .schemaOutdated, .configuration:
                context.logger.error("database error", [
                    "sqlstate": error.sqlState ?? "-", "code": "\(error.code)", "outcome_unknown": "\(error.outcomeUnknown)",
                ])
            case .conflict, .notFound, .invalid:
                break
            }
            throw Problem(error)
        } catch let error as RecordValidationError {
            throw Problem(error)
        }
    }

    public func takeDatabaseTime() -> Duration {
        database.takeDatabaseTime()
    }

    public func forWorker() -> HealthTrackerApplication {
        HealthTrackerApplication(function: function, authMode: authMode, idempotencyKeys: idempotencyKeys, database: database.forWorker())
    }

    /// SIGTERM: every connection ends with a Terminate message, so the server (or the proxy)
    /// frees its backend at once rather than when it notices the socket gone.
    public func shutdown() {
        database.close()
    }

    private func endpointResponse(_ call: APICall) throws -> HTTPResponse {
        switch call.route {
        case .record(let resource, let action):
            try resource.respond(action, call, database)
        case .healthScore:
            try HealthScoreEndpoint.respond(to: call, database: database)
        }
    }
}
