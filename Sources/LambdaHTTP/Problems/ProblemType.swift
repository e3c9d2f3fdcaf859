/// The kinds of problem the API reports, each with its fixed title and usual status.
public enum ProblemType: String, Sendable, CaseIterable {
    case validation
    /// A bad query parameter (health-score.md §7 fixes this title).
    case invalidParameter = "invalid-parameter"
    /// A path segment that is not the UUID, date or instant the route expects.
    case invalidPathParameter = "invalid-path-parameter"
    case malformedBody = "malformed-body"
    case notFound = "not-found"
    case userNotFound = "user-not-found"
    case conflict
    case methodNotAllowed = "method-not-allowed"
    case unauthorized
    case forbidden
    case payloadTooLarge = "payload-too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case insufficientData = "insufficient-data"
    case unavailable
    case `internal`
    case notImplemented = "not-implemented"

    /// The relative URI in a problem's `type` member.
    public var uri: String { "/problems/" + rawValue }

    public var title: String {
        switch self {
        case .validation: "Request body is invalid"
        case .invalidParameter: "Invalid query parameter"
        case .invalidPathParameter: "Invalid path parameter"
        case .malformedBody: "Request body is malformed"
        case .notFound: "Resource not found"
        case .userNotFound: "User not found"
        case .conflict: "Resource already exists"
        case .methodNotAllowed: "Method not allowed"
        case .unauthorized: "Authentication required"
        case .forbidden: "Access denied"
        case .payloadTooLarge: "Request body is too large"
        case .unsupportedMediaType: "Unsupported media type"
        case .insufficientData: "Insufficient data for a health score"
        case .unavailable: "Service temporarily unavailable"
        case .internal: "Internal error"
        case .notImplemented: "Not implemented"
        }
    }

    public var defaultStatus: Int {
        switch self {
        case .validation: 422
        case .invalidParameter: 400
        case .invalidPathParameter: 400
        case .malformedBody: 400
        case .notFound: 404
        case .userNotFound: 404
        case .conflict: 409
        case .methodNotAllowed: 405
        case .unauthorized: 401
        case .forbidden: 403
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .insufficientData: 422
        case .unavailable: 503
        case .internal: 500
        case .notImplemented: 501
        }
    }

    /// The type whose `uri` this is.
    public init?(uri: String) {
        guard uri.hasPrefix("/problems/") else { return nil }
        self.init(rawValue: String(uri.dropFirst("/problems/".count)))
    }
}
