public import LambdaHTTP
public import Postgres

extension Problem {
    /// The answer for a database failure that reached the HTTP layer.
    ///
    /// Constraint violations are mapped by the endpoints, which know the record; what
    /// arrives here generically is a conflict, a missing row, an invalid value, or the
    /// database being unavailable (retryable; for a write whose outcome is unknown, the detail says so).
    public init(_ error: PostgresError) {
        switch error.code {
        case .conflict:
            self.init(.conflict, detail: "A record with this key exists")
        case .notFound:
            self.init(.notFound, detail: "The record or its user does not exist")
        case .invalid:
            let field = error.constraint.flatMap(HealthTrackerSchema.field(forConstraint:)) ?? "body"
            self.init(.validation, detail: "1 field is invalid",
                      invalidParams: [InvalidParameter(name: field, reason: "breaks a stored-data rule")])
        case .unavailable:
            let detail = if error.outcomeUnknown {
                "The database did not confirm the change in time, so its outcome is unknown; read the record before retrying"
            } else if error.isTimeout {
                "The database did not answer in time; retry the request"
            } else {
                "The database cannot be reached; retry the request"
            }
            var problem = Problem(.unavailable, detail: detail)
            problem.headers.set(name: "Retry-After", value: "1")
            self = problem
        case .schemaOutdated, .configuration, .decoding, .badQuery, .other:
            self.init(.internal, detail: "An internal error occurred")
        }
    }
}
