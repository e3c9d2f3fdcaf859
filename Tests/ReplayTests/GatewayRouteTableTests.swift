import HealthTracker
import ReplayKit
import TestTags
import Testing

@Suite(.tags(.pure)) struct GatewayRouteTableTests {
    let table = GatewayRouteTable()
    let user = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    @Test func matchesWithTheDeclaredRouteKey() throws {
        let match = try #require(table.match(method: "GET", path: "/api/users/\(user)"))
        #expect(match.route == .record(.users, .get))
        #expect(match.routeKey == "GET /api/users/{user_uuid}")
        #expect(match.pathParameters.map(\.0) == ["user_uuid"])
        #expect(match.pathParameters.map(\.1) == [user])
    }

    @Test func trailingSlashIsItsOwnDeployedRoute() throws {
        #expect(table.match(method: "POST", path: "/api/users")?.routeKey == "POST /api/users")
        #expect(table.match(method: "POST", path: "/api/users/")?.routeKey == "POST /api/users/")
        #expect(table.match(method: "GET", path: "/api/users/\(user)/")?.routeKey == "GET /api/users/{user_uuid}/")
    }

    @Test func unknownPathsAndMethodsNeverReachAFunction() {
        #expect(table.match(method: "GET", path: "/api/nothing") == nil)
        #expect(table.match(method: "PUT", path: "/api/users/") == nil)
        #expect(table.match(method: "GET", path: "/") == nil)
    }

    /// API Gateway does not type variables: a bad UUID reaches the function, which answers 400.
    @Test func variablesMatchAnySegment() throws {
        #expect(table.match(method: "GET", path: "/api/users/not-a-uuid")?.route == .record(.users, .get))
        // GET has no `.../delete` route, but `{user_uuid}/{test_date}` takes it.
        #expect(table.match(method: "GET", path: "/api/blood-tests/\(user)/delete")?.route == .record(.bloodTests, .get))
        #expect(table.match(method: "DELETE", path: "/api/blood-tests/\(user)/delete")?.route == .record(.bloodTests, .delete))
    }

    @Test func everyRouteOfTheTableIsReachable() {
        for route in APIRoute.allCases {
            let path = route.template
                .replacing("{user_uuid}", with: user).replacing("{test_date}", with: "2024-05-01")
                .replacing("{date}", with: "2024-05-01").replacing("{recorded}", with: "2024-05-01T07:30:00Z")
            #expect(table.match(method: route.method.rawValue, path: path)?.route == route, "\(route)")
        }
    }
}
