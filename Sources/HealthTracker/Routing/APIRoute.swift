public import LambdaHTTP

/// Every route of the API (docs/api.md), the single source of truth that the deployment
/// templates and the OpenAPI document are checked against: one route per action of each
/// resource, derived from its descriptor, and the health score.
public enum APIRoute: Sendable, Hashable, CaseIterable {
    case record(RecordResource, RecordAction)
    case healthScore

    /// Each resource's routes in action order, then the score: the order of api.md's table.
    public static let allCases: [APIRoute] =
        RecordResource.allCases.flatMap { resource in RecordAction.allCases.map { .record(resource, $0) } } + [.healthScore]

    public var function: APIFunction {
        switch self {
        case .record(let resource, _): resource.function
        case .healthScore: .healthScore
        }
    }

    public var method: HTTPMethod {
        switch self {
        case .record(_, let action): action.method
        case .healthScore: .get
        }
    }

    /// The path exactly as api.md writes it (the router also takes it without or with a trailing slash).
    public var template: String {
        switch self {
        case .record(let resource, let action): resource.template(action)
        case .healthScore: "/api/get_health_score"
        }
    }

    /// The type of each template variable.
    public var parameterTypes: [String: PathParameterType] {
        guard case .record(let resource, _) = self else { return [:] }
        var types: [String: PathParameterType] = [:]
        for name in HTTPRoute(self, method, template).variableNames {
            types[name] = name == resource.keyName ? resource.keyKind.pathParameterType : .uuid
        }
        return types
    }

    /// POST and PATCH read a JSON body; other Content-Types answer 415.
    public var takesJSONBody: Bool {
        method == .post || method == .patch
    }

    /// The route as router data.
    public var definition: HTTPRoute<APIRoute> {
        HTTPRoute(self, method, template, parameterTypes: parameterTypes, takesJSONBody: takesJSONBody)
    }

    /// `GET /api/users/{user_uuid}`, as API Gateway writes a route key.
    public var routeKey: String { "\(method.rawValue) \(template)" }
}
