public import LambdaHTTP

extension ProblemType {
    /// The path's or body's user does not exist (on every route of a user's records).
    public static let userNotFound = ProblemType("user-not-found", title: "User not found", status: 404)
    /// Fewer than 3 score components have data (health-score.md §7).
    public static let insufficientData = ProblemType(
        "insufficient-data", title: "Insufficient data for a health score", status: 422)

    /// A request with the same Idempotency-Key is still being processed (draft-ietf-httpapi-idempotency-key-header).
    public static let idempotencyKeyInFlight = ProblemType(
        "idempotency-key-in-flight", title: "A request with this Idempotency-Key is being processed", status: 409)
    /// The Idempotency-Key was used with another request body.
    public static let idempotencyKeyReused = ProblemType(
        "idempotency-key-reused", title: "Idempotency-Key reused with a different request", status: 422)

    /// An Idempotency-Key header that is not 1 to 255 visible ASCII characters.
    public static let invalidIdempotencyKey = ProblemType(
        "invalid-idempotency-key", title: "Invalid Idempotency-Key header", status: 400)
    /// A POST or PATCH without an Idempotency-Key where the deployment requires one (`IDEMPOTENCY_KEY=required`).
    public static let idempotencyKeyMissing = ProblemType(
        "idempotency-key-missing", title: "Idempotency-Key header required", status: 400)

    /// Every kind of problem the API answers with (docs/api.md): the HTTP layer's and its own.
    public static let apiTypes = httpTypes + [.userNotFound, .insufficientData, .idempotencyKeyInFlight, .idempotencyKeyReused,
                                        .invalidIdempotencyKey, .idempotencyKeyMissing]
}
