/// A route that matched, with its typed path parameters.
public struct RouteMatch<ID: Hashable & Sendable>: Sendable {
    public let route: HTTPRoute<ID>
    public let parameters: PathParameters

    public var id: ID { route.id }
}

/// What the router makes of a method and a path.
public enum RouteResult<ID: Hashable & Sendable>: Sendable {
    case matched(RouteMatch<ID>)
    /// No template has this path.
    case notFound
    /// The path is known, for these methods only (the `Allow` header).
    case methodNotAllowed(allowed: [HTTPMethod])
    /// The route is known but path parameters are malformed: every one of them.
    case invalidParameters([InvalidParameter])

    /// The problem to answer with when nothing matched; nil for a match.
    public func problem(method: HTTPMethod, path: String) -> Problem? {
        switch self {
        case .matched:
            return nil
        case .notFound:
            return Problem(.notFound, detail: "No route for \(method) \(path)")
        case .methodNotAllowed(let allowed):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            return Problem(
                .methodNotAllowed, detail: "\(method) is not allowed here; allowed: \(allow)",
                headers: ["Allow": allow])
        case .invalidParameters(let params):
            let noun = params.count == 1 ? "parameter is" : "parameters are"
            return Problem(.invalidPathParameter, detail: "\(params.count) path \(noun) invalid", invalidParams: params)
        }
    }
}
