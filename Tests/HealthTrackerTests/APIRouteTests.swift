import Foundation
import HealthTracker
import LambdaHTTP
import TestTags
import Testing

@Suite("API route table (docs/api.md)", .tags(.pure))
struct APIRouteTests {
    static let uuid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"

    /// The table of api.md, written out independently of the enum.
    static let documented: [(function: String, method: String, path: String)] = [
        ("users", "POST", "/api/users/"),
        ("users", "GET", "/api/users/"),
        ("users", "GET", "/api/users/{user_uuid}"),
        ("users", "PATCH", "/api/users/{user_uuid}"),
        ("users", "DELETE", "/api/users/{user_uuid}"),
        ("blood_tests", "POST", "/api/blood-tests/"),
        ("blood_tests", "GET", "/api/blood-tests/{user_uuid}"),
        ("blood_tests", "GET", "/api/blood-tests/{user_uuid}/{test_date}"),
        ("blood_tests", "PATCH", "/api/blood-tests/{user_uuid}/{test_date}/update"),
        ("blood_tests", "DELETE", "/api/blood-tests/{user_uuid}/delete"),
        ("bio_metrics", "POST", "/api/bio-metrics/"),
        ("bio_metrics", "GET", "/api/bio-metrics/{user_uuid}"),
        ("bio_metrics", "GET", "/api/bio-metrics/{user_uuid}/{recorded}"),
        ("bio_metrics", "PATCH", "/api/bio-metrics/{user_uuid}/{recorded}/update"),
        ("bio_metrics", "DELETE", "/api/bio-metrics/{user_uuid}/delete"),
        ("physical_activity", "POST", "/api/physical-activity/"),
        ("physical_activity", "GET", "/api/physical-activity/{user_uuid}"),
        ("physical_activity", "GET", "/api/physical-activity/{user_uuid}/{date}"),
        ("physical_activity", "PATCH", "/api/physical-activity/{user_uuid}/update"),
        ("physical_activity", "DELETE", "/api/physical-activity/{user_uuid}/delete"),
        ("sleep_activity", "POST", "/api/sleep-activity/"),
        ("sleep_activity", "GET", "/api/sleep-activity/{user_uuid}"),
        ("sleep_activity", "GET", "/api/sleep-activity/{user_uuid}/{date}"),
        ("sleep_activity", "PATCH", "/api/sleep-activity/{user_uuid}/update"),
        ("sleep_activity", "DELETE", "/api/sleep-activity/{user_uuid}/delete"),
        ("health_score", "GET", "/api/get_health_score"),
    ]

    /// A concrete path for a template, with a valid value for each variable.
    static func samplePath(_ template: String) -> String {
        template
            .replacingOccurrences(of: "{user_uuid}", with: uuid)
            .replacingOccurrences(of: "{test_date}", with: "2024-03-01")
            .replacingOccurrences(of: "{date}", with: "2024-03-01")
            .replacingOccurrences(of: "{recorded}", with: "2024-03-01T07%3A30%3A00%2B01%3A00")
    }

    @Test("the enum holds exactly the 26 routes of api.md")
    func matchesDocumentation() {
        #expect(APIRoute.allCases.count == 26)
        let table = APIRoute.allCases.map { "\($0.function.rawValue) \($0.method.rawValue) \($0.template)" }
        let documented = Self.documented.map { "\($0.function) \($0.method) \($0.path)" }
        #expect(table == documented)
    }

    @Test("each function's routes", arguments: APIFunction.allCases)
    func routesPerFunction(function: APIFunction) {
        let expected = Self.documented.filter { $0.function == function.rawValue }.map(\.path)
        #expect(function.routes.map(\.template) == expected)
        #expect(function.routes.allSatisfy { $0.function == function })
    }

    @Test("parameter types come from the resource's key")
    func parameterTypes() {
        #expect(APIRoute.record(.bloodTests, .get).parameterTypes == ["user_uuid": .uuid, "test_date": .date])
        #expect(APIRoute.record(.bioMetrics, .get).parameterTypes == ["user_uuid": .uuid, "recorded": .instant])
        #expect(APIRoute.record(.sleepActivity, .get).parameterTypes == ["user_uuid": .uuid, "date": .date])
        #expect(APIRoute.record(.users, .create).parameterTypes.isEmpty)
        for route in APIRoute.allCases {
            #expect(Set(route.parameterTypes.keys) == Set(route.definition.variableNames), "\(route)")
            #expect(route.parameterTypes.values.allSatisfy { $0 != .string }, "\(route) has an untyped variable")
        }
    }

    @Test("POST and PATCH take JSON bodies")
    func jsonBodies() {
        for route in APIRoute.allCases {
            #expect(route.takesJSONBody == (route.method == .post || route.method == .patch), "\(route)")
        }
    }

    @Test("every route matches in its function's router, with and without a trailing slash", arguments: APIRoute.allCases)
    func everyRouteMatches(route: APIRoute) throws {
        let router = route.function.router
        let path = Self.samplePath(route.template)
        let bare = path.hasSuffix("/") ? String(path.dropLast()) : path
        for candidate in [bare, bare + "/"] {
            guard case .matched(let match) = router.route(method: route.method, path: candidate) else {
                Issue.record("\(route.method) \(candidate): \(router.route(method: route.method, path: candidate))")
                continue
            }
            #expect(match.id == route)
            #expect(match.parameters.values.count == route.parameterTypes.count)
        }
    }

    @Test("a route does not match in another function's router")
    func routesStayInTheirFunction() {
        let users = APIFunction.users.router
        guard case .notFound = users.route(method: .get, path: "/api/blood-tests/\(Self.uuid)") else {
            Issue.record("blood test path routed by the users function")
            return
        }
    }

    @Test("405 lists the path's methods", arguments: [
        (APIFunction.users, "/api/users/\(uuid)", HTTPMethod.post, "GET, PATCH, DELETE"),
        (APIFunction.users, "/api/users", HTTPMethod.delete, "POST, GET"),
        (APIFunction.bloodTests, "/api/blood-tests/\(uuid)/delete", HTTPMethod.get, "DELETE"),
        (APIFunction.bioMetrics, "/api/bio-metrics/\(uuid)/2024-03-01T07:30:00Z/update", HTTPMethod.post, "PATCH"),
        (APIFunction.healthScore, "/api/get_health_score/", HTTPMethod.post, "GET"),
    ])
    func methodNotAllowed(function: APIFunction, path: String, method: HTTPMethod, allow: String) throws {
        let result = function.router.route(method: method, path: path)
        let problem = try #require(result.problem(method: method, path: path))
        #expect(problem.status == 405)
        #expect(problem.headers["Allow"] == allow)
    }

    @Test("bad parameters give 400 with each bad one", arguments: [
        (APIFunction.bloodTests, "/api/blood-tests/xyz/2024-02-30", ["user_uuid", "test_date"]),
        (APIFunction.bioMetrics, "/api/bio-metrics/\(uuid)/yesterday", ["recorded"]),
        (APIFunction.physicalActivity, "/api/physical-activity/\(uuid)/03-01-2024", ["date"]),
        (APIFunction.users, "/api/users/\(uuid.dropLast())", ["user_uuid"]),
    ])
    func invalidParameters(function: APIFunction, path: String, names: [String]) throws {
        guard case .invalidParameters(let params) = function.router.route(method: .get, path: path) else {
            Issue.record("\(path) did not give invalid parameters")
            return
        }
        #expect(params.map(\.name) == names)
    }
}
