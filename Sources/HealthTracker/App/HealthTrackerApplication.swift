public import LambdaHTTP
public import LambdaRuntime
public import Postgres

/// Answers the routes of one function: auth first, then the endpoint. Each runtime worker
/// has its own, on its own session of the process's connection pool.
public struct HealthTrackerApplication: ConcurrentHTTPApplication {
    public let function: APIFunction
    public let authMode: AuthMode
    public let database: PostgresSession

    public init(function: APIFunction, authMode: AuthMode, database: PostgresSession) {
        self.function = function
        self.authMode = authMode
        self.database = database
    }

    public mutating func respond(to request: HTTPRequest, match: RouteMatch<APIRoute>, context: LambdaContext) throws -> HTTPResponse {
        let call = APICall(request: request, match: match, context: context, caller: try Caller(request: request, mode: authMode))
        do {
            return try endpointResponse(call)
        } catch let error as PostgresError {
            switch error.code {
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
        HealthTrackerApplication(function: function, authMode: authMode, database: database.forWorker())
    }

    /// SIGTERM: every connection ends with a Terminate message, so the server (or the proxy)
    /// frees its backend at once rather than when it notices the socket gone.
    public func shutdown() {
        database.close()
    }

    private func endpointResponse(_ call: APICall) throws -> HTTPResponse {
        switch call.route.function {
        case .users, .bloodTests, .bioMetrics, .physicalActivity, .sleepActivity:
            return try recordResponse(call)
        case .healthScore:
            return try HealthScoreEndpoint.respond(to: call, database: database)
        }
    }
}
