/// Finds the route for a method and a path among routes given as data.
///
/// Templates are split once, at init; a request costs one split of its path and string
/// compares against the templates with as many segments. Where templates overlap
/// (`/{user_uuid}/delete` and `/{user_uuid}/{test_date}`), literal segments win, left to
/// right, whatever the method, so `GET .../delete` is a 405 rather than a bad date.
public struct Router<ID: Hashable & Sendable>: Sendable {
    /// Routes that share a template shape, in declaration order.
    struct PathGroup: Sendable {
        let template: PathTemplate
        var routes: [(route: HTTPRoute<ID>, template: PathTemplate)]
    }

    public let routes: [HTTPRoute<ID>]
    private let groupsBySegmentCount: [Int: [PathGroup]]

    public init(_ routes: [HTTPRoute<ID>]) {
        self.routes = routes
        var groups: [PathGroup] = []
        // A linear search among a function's few shapes: a dictionary keyed by [String?] would
        // make the cold start look up Array and Optional's conditional Hashable conformances
        // at run time (0.46 M instructions, more than the whole search).
        for route in routes {
            let template = PathTemplate(route.template)
            if let index = groups.firstIndex(where: { $0.template.shape == template.shape }) {
                groups[index].routes.append((route, template))
            } else {
                groups.append(PathGroup(template: template, routes: [(route, template)]))
            }
        }
        groupsBySegmentCount = Dictionary(grouping: groups) { $0.template.segments.count }
    }

    public func route(_ request: HTTPRequest) -> RouteResult<ID> {
        route(method: request.method, path: request.path)
    }

    public func route(method: HTTPMethod, path: String) -> RouteResult<ID> {
        let segments = PathTemplate.split(path)
        guard let group = bestGroup(for: segments) else { return .notFound }
        guard let (route, template) = group.routes.first(where: { $0.route.method == method }) else {
            var allowed: [HTTPMethod] = []
            for entry in group.routes where !allowed.contains(entry.route.method) { allowed.append(entry.route.method) }
            return .methodNotAllowed(allowed: allowed)
        }
        var values: [String: PathParameterValue] = [:]
        var invalid: [InvalidParameter] = []
        for (segment, part) in zip(template.segments, segments) {
            guard case .variable(let name) = segment else { continue }
            let type = route.parameterTypes[name] ?? .string
            if let value = type.parse(part) {
                values[name] = value
            } else {
                invalid.append(InvalidParameter(name: name, reason: type.reason))
            }
        }
        if !invalid.isEmpty { return .invalidParameters(invalid) }
        return .matched(RouteMatch(route: route, parameters: PathParameters(values)))
    }

    /// The matching group whose literal segments come earliest.
    private func bestGroup(for segments: [Substring]) -> PathGroup? {
        var best: PathGroup?
        var bestRank: [Bool] = []
        for group in groupsBySegmentCount[segments.count] ?? [] {
            var rank: [Bool] = []
            rank.reserveCapacity(segments.count)
            var matches = true
            for (segment, part) in zip(group.template.segments, segments) {
                switch segment {
                case .literal(let text):
                    matches = part == text
                    rank.append(true)
                case .variable:
                    matches = !part.isEmpty
                    rank.append(false)
                }
                if !matches { break }
            }
            guard matches else { continue }
            if best == nil || rank.lexicographicallyPrecedes(bestRank, by: { $0 && !$1 }) {
                best = group
                bestRank = rank
            }
        }
        return best
    }
}
