public import HealthTracker
import LambdaHTTP

/// What API Gateway does with a method and a path, from the deployed route table
/// (`APIRoute`, which the SAM and Serverless templates are checked against).
///
/// The templates declare each route for one method, with and without a trailing slash; a
/// method or path outside the table matches no route here and goes to the `$default`
/// route, whose `default_route` function answers api.md's 404 problem, or 405 with `Allow`
/// (`LocalGateway`). Variables match any non-empty segment; API Gateway does not type
/// them, so a bad UUID reaches the function, which answers 400.
public struct GatewayRouteTable: Sendable {
    public struct Match: Sendable, Equatable {
        public let route: APIRoute
        /// As the template declares it, with the request's trailing slash (both are deployed).
        public let routeKey: String
        /// Raw segments by variable name.
        public let pathParameters: [(String, String)]

        public static func == (lhs: Match, rhs: Match) -> Bool {
            lhs.route == rhs.route && lhs.routeKey == rhs.routeKey
                && lhs.pathParameters.elementsEqual(rhs.pathParameters) { $0 == $1 }
        }
    }

    private let routersByMethod: [HTTPMethod: Router<APIRoute>]

    public init(routes: [APIRoute] = APIRoute.allCases) {
        var byMethod: [HTTPMethod: [HTTPRoute<APIRoute>]] = [:]
        for route in routes {
            // Untyped variables: the gateway matches shapes only.
            byMethod[route.method, default: []].append(HTTPRoute(route, route.method, route.template))
        }
        routersByMethod = byMethod.mapValues { Router($0) }
    }

    /// The route API Gateway would invoke for this request, or nil when only `$default` matches.
    public func match(method: String, path: String) -> Match? {
        guard let router = routersByMethod[HTTPMethod(rawValue: method)],
              case .matched(let found) = router.route(method: HTTPMethod(rawValue: method), path: path) else { return nil }
        let route = found.id
        var template = route.template
        let wantsSlash = path.count > 1 && path.hasSuffix("/")
        if wantsSlash && !template.hasSuffix("/") { template += "/" }
        if !wantsSlash && template.count > 1 && template.hasSuffix("/") { template.removeLast() }
        let names = route.definition.variableNames
        var parameters: [(String, String)] = []
        for (segment, part) in zip(Self.segments(route.template), Self.segments(path)) where segment.hasPrefix("{") {
            let name = String(segment.dropFirst().dropLast())
            if names.contains(name) { parameters.append((name, String(part))) }
        }
        return Match(route: route, routeKey: "\(route.method.rawValue) \(template)", pathParameters: parameters)
    }

    private static func segments(_ path: String) -> [Substring] {
        var slice = Substring(path)
        if slice.hasPrefix("/") { slice = slice.dropFirst() }
        if slice.hasSuffix("/") { slice = slice.dropLast() }
        return slice.split(separator: "/", omittingEmptySubsequences: false)
    }
}
