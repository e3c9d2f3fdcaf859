import HealthScore
public import LambdaHTTP
public import Postgres
import UTCTime

/// `GET /api/get_health_score` (spec §7): parameters (400), ownership (403), the user (404),
/// then the score (200) or why there is none (422), from one consistent read.
public enum HealthScoreEndpoint {
    public static func respond(to call: APICall, database: PostgresSession) throws -> HTTPResponse {
        let query = try HealthScoreQuery(call.request.query, now: .now())
        try call.caller.authorize(query.userUUID)
        guard let inputs = try ScoreDataStore.load(
            userUUID: query.userUUID, asOf: query.asOf, session: database, deadline: call.context.deadline
        ) else {
            throw Problem(.userNotFound, detail: "No user has this user_uuid")
        }
        let outcome: HealthScoreOutcome
        do {
            outcome = try HealthScoreEngine.evaluate(inputs)
        } catch {
            // Stored records broke a write-time rule the engine relies on: a bug, not the caller's.
            call.context.logger.error("score inputs rejected", ["code": error.code.rawValue])
            throw Problem(.internal, detail: "An internal error occurred; quote the request id when reporting it")
        }
        return HTTPResponse(
            status: outcome.httpStatus, headers: ["Content-Type": outcome.contentType],
            body: outcome.jsonBytes(requestID: call.context.requestID)
        )
    }
}
