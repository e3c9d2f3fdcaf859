import HealthTracker

/// One route as a deployment file or the OpenAPI document declares it.
struct DeclaredRoute: Hashable, Comparable, CustomStringConvertible {
    /// Upper case: SAM, Serverless and API Gateway take methods in any case.
    let method: String
    let path: String

    init(method: String, path: String) {
        self.method = method.uppercased()
        self.path = path
    }

    var description: String { "\(method) \(path)" }

    /// API Gateway's `$default` route: every request no other route matches, any method.
    static let defaultRoute = DeclaredRoute(method: "ANY", path: "$default")

    static func < (lhs: DeclaredRoute, rhs: DeclaredRoute) -> Bool {
        (lhs.path, lhs.method) < (rhs.path, rhs.method)
    }
}

/// What the router's table says each file must declare.
enum ExpectedRoutes {
    /// api.md's paths, as the OpenAPI document lists them.
    static func canonical(_ function: APIFunction) -> Set<DeclaredRoute> {
        Set(function.routes.map { DeclaredRoute(method: $0.method.rawValue, path: $0.template) })
    }

    /// Each route without and with the trailing slash: an HTTP API matches paths exactly,
    /// so the templates declare both forms.
    static func bothSlashForms(_ function: APIFunction) -> Set<DeclaredRoute> {
        var routes: Set<DeclaredRoute> = []
        for route in function.routes {
            let bare = route.template.hasSuffix("/") ? String(route.template.dropLast()) : route.template
            routes.insert(DeclaredRoute(method: route.method.rawValue, path: bare))
            routes.insert(DeclaredRoute(method: route.method.rawValue, path: bare + "/"))
        }
        return routes
    }
}
