import APIGatewayTesting
import HealthTracker

/// One request the router answers by itself, whatever the endpoints do: a method the path
/// does not take (405) or a malformed path parameter (400).
struct SmokeRequest {
    let method: String
    let path: String
    let expectedStatus: Int
    /// 405: the methods `Allow` must list, from the route table.
    let expectedAllow: Set<String>?
    /// 400: the parameter `invalid_params` must name.
    let expectedInvalidParameter: String?

    static let sampleUUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"

    /// PUT on the path of the function's first route: no route of the API takes PUT.
    static func wrongMethod(_ function: APIFunction) -> SmokeRequest {
        let route = function.routes[0]
        let allow = function.routes.filter { $0.template == route.template }.map(\.method.rawValue)
        return SmokeRequest(
            method: "PUT", path: samplePath(route), expectedStatus: 405,
            expectedAllow: Set(allow), expectedInvalidParameter: nil
        )
    }

    /// GET on the function's first GET route with a `{user_uuid}`, the uuid malformed; nil when
    /// the function has no such route (health_score).
    static func malformedUUID(_ function: APIFunction) -> SmokeRequest? {
        guard let route = function.routes.first(where: { $0.method == .get && $0.template.contains("{user_uuid}") }) else {
            return nil
        }
        let path = samplePath(route).replacing(sampleUUID, with: "not-a-uuid")
        return SmokeRequest(
            method: "GET", path: path, expectedStatus: 400,
            expectedAllow: nil, expectedInvalidParameter: "user_uuid"
        )
    }

    /// The route's template with a valid value for each variable.
    static func samplePath(_ route: APIRoute) -> String {
        var path = route.template
        for (name, type) in route.parameterTypes {
            let value = switch type {
            case .uuid: sampleUUID
            case .date: "2024-03-01"
            case .instant: "2024-03-01T07:30:00Z"
            case .string: "x"
            }
            path = path.replacing("{\(name)}", with: value)
        }
        return path
    }

    /// The request as a client sends it (the event comes from `HTTPAPIEventBuilder`, without an authorizer).
    var clientRequest: ClientRequest {
        ClientRequest(method: method, path: path, headers: [("accept", "application/json"), ("user-agent", "zip-smoke")])
    }

    /// The route key of a route declared for exactly this request.
    var routeKey: String { "\(method) \(path)" }
}
