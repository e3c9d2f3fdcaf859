/// A kind of problem: the last segment of its `type` URI, its fixed title and its usual status.
///
/// The kinds any HTTP API has are here; an application declares its own in an extension
/// (`static let userNotFound = ProblemType(...)`), so this layer knows none of its words.
public struct ProblemType: Sendable, Hashable {
    /// The last segment of the `type` URI (`not-found`).
    public let name: String
    public let title: String
    public let defaultStatus: Int

    public init(_ name: String, title: String, status: Int) {
        self.name = name
        self.title = title
        self.defaultStatus = status
    }

    /// The relative URI in a problem's `type` member.
    public var uri: String { "/problems/" + name }

    public static let validation = ProblemType("validation", title: "Request body is invalid", status: 422)
    public static let invalidParameter = ProblemType("invalid-parameter", title: "Invalid query parameter", status: 400)
    /// A path segment that is not the UUID, date or instant the route expects.
    public static let invalidPathParameter = ProblemType(
        "invalid-path-parameter", title: "Invalid path parameter", status: 400)
    public static let malformedBody = ProblemType("malformed-body", title: "Request body is malformed", status: 400)
    public static let notFound = ProblemType("not-found", title: "Resource not found", status: 404)
    public static let conflict = ProblemType("conflict", title: "Resource already exists", status: 409)
    public static let methodNotAllowed = ProblemType("method-not-allowed", title: "Method not allowed", status: 405)
    public static let unauthorized = ProblemType("unauthorized", title: "Authentication required", status: 401)
    public static let forbidden = ProblemType("forbidden", title: "Access denied", status: 403)
    public static let payloadTooLarge = ProblemType("payload-too-large", title: "Request body is too large", status: 413)
    public static let unsupportedMediaType = ProblemType(
        "unsupported-media-type", title: "Unsupported media type", status: 415)
    public static let unavailable = ProblemType("unavailable", title: "Service temporarily unavailable", status: 503)
    public static let `internal` = ProblemType("internal", title: "Internal error", status: 500)

    /// The kinds this layer declares.
    public static let httpTypes: [ProblemType] = [
        .validation, .invalidParameter, .invalidPathParameter, .malformedBody, .notFound, .conflict,
        .methodNotAllowed, .unauthorized, .forbidden, .payloadTooLarge, .unsupportedMediaType,
        .unavailable, .internal,
    ]
}
