import Foundation
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite("Router", .tags(.pure))
struct RouterTests {
    enum Route: String, Hashable, Sendable {
        case create, list, get, update, delete, deleteBySelector, reading, root, any
    }

    let router = Router<Route>([
        HTTPRoute(.create, .post, "/api/things/", takesJSONBody: true),
        HTTPRoute(.list, .get, "/api/things/{user_uuid}", parameterTypes: ["user_uuid": .uuid]),
        HTTPRoute(.get, .get, "/api/things/{user_uuid}/{date}", parameterTypes: ["user_uuid": .uuid, "date": .date]),
        HTTPRoute(.update, .patch, "/api/things/{user_uuid}/{date}/update",
                  parameterTypes: ["user_uuid": .uuid, "date": .date], takesJSONBody: true),
        HTTPRoute(.delete, .delete, "/api/things/{user_uuid}", parameterTypes: ["user_uuid": .uuid]),
        HTTPRoute(.deleteBySelector, .delete, "/api/things/{user_uuid}/delete", parameterTypes: ["user_uuid": .uuid]),
        HTTPRoute(.reading, .get, "/api/readings/{user_uuid}/{recorded}",
                  parameterTypes: ["user_uuid": .uuid, "recorded": .instant]),
        HTTPRoute(.root, .get, "/"),
        HTTPRoute(.any, .get, "/api/free/{name}"),
    ])

    let uuidText = "3F2504E0-4F89-41D3-9A0C-0305E82C3301"

    private func match(_ method: HTTPMethod, _ path: String) throws -> RouteMatch<Route> {
        guard case .matched(let match) = router.route(method: method, path: path) else {
            Issue.record("\(method) \(path) did not match: \(router.route(method: method, path: path))")
            throw CancellationError()
        }
        return match
    }

    @Test("typed parameters; UUIDs in either case")
    func typedParameters() throws {
        let found = try match(.get, "/api/things/\(uuidText.lowercased())/2024-02-29")
        #expect(found.id == .get)
        #expect(found.parameters.uuid("user_uuid") == UUID(uuidString: uuidText))
        #expect(found.parameters.date("date") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(try match(.get, "/api/things/\(uuidText)").parameters.uuid("user_uuid") == UUID(uuidString: uuidText))
    }

    @Test("with and without a trailing slash", arguments: [
        "/api/things/", "/api/things",
    ])
    func trailingSlash(path: String) throws {
        #expect(try match(.post, path).id == .create)
        #expect(try match(.delete, "/api/things/\(uuidText)/delete/").id == .deleteBySelector)
        #expect(try match(.get, "/").id == .root)
    }

    @Test("unknown paths are 404", arguments: [
        "/api/nothing", "/api/things/a/b/c/d/e", "/api", "/api/things/x/2024-01-01/other", "//", "/api//things",
    ])
    func notFound(path: String) {
        guard case .notFound = router.route(method: .get, path: path) else {
            Issue.record("\(path): \(router.route(method: .get, path: path))")
            return
        }
    }

    @Test("a known path with the wrong method is 405 with its methods")
    func methodNotAllowed() throws {
        guard case .methodNotAllowed(let allowed) = router.route(method: .put, path: "/api/things/\(uuidText)") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .delete])
        let problem = try #require(router.route(method: .put, path: "/api/things/\(uuidText)")
            .problem(method: .put, path: "/api/things/\(uuidText)"))
        #expect(problem.status == 405)
        #expect(problem.headers["Allow"] == "GET, DELETE")
    }

    @Test("literal segments win over variables: GET .../delete is 405, not a bad date")
    func literalWins() {
        guard case .methodNotAllowed(let allowed) = router.route(method: .get, path: "/api/things/\(uuidText)/delete") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.delete])
    }

    @Test("malformed parameters are 400 with every bad one", arguments: [
        ("/api/things/not-a-uuid/2024-13-01", ["user_uuid", "date"]),
        ("/api/things/3F2504E0-4F89-41D3-9A0C-0305E82C330/2024-01-01", ["user_uuid"]),
        ("/api/things/3F2504E0X4F89-41D3-9A0C-0305E82C3301/2024-01-01", ["user_uuid"]),
        ("/api/things/{3F2504E0-4F89-41D3-9A0C-0305E82C3301}/2024-01-01", ["user_uuid"]),
        ("/api/things/3F2504E0-4F89-41D3-9A0C-0305E82C3301/2024-1-01", ["date"]),
        ("/api/things/3F2504E0-4F89-41D3-9A0C-0305E82C3301/2023-02-29", ["date"]),
        ("/api/readings/3F2504E0-4F89-41D3-9A0C-0305E82C3301/2024-05-01T07:30:00", ["recorded"]),
        ("/api/readings/3F2504E0-4F89-41D3-9A0C-0305E82C3301/2024-05-01", ["recorded"]),
        ("/api/readings/3F2504E0-4F89-41D3-9A0C-0305E82C3301/2024-05-01T07:30:00%2", ["recorded"]),
    ])
    func invalidParameters(path: String, names: [String]) throws {
        let result = router.route(method: .get, path: path)
        guard case .invalidParameters(let params) = result else {
            Issue.record("\(path): \(result)")
            return
        }
        #expect(params.map(\.name) == names)
        let problem = try #require(result.problem(method: .get, path: path))
        #expect(problem.status == 400)
        #expect(problem.type == .invalidPathParameter)
        #expect(problem.invalidParams == params)
        #expect(params.allSatisfy { !$0.reason.isEmpty })
    }

    @Test("instants: percent-encoded offsets, Z, and a literal +", arguments: [
        ("2024-05-01T09:30:00%2B02:00", "2024-05-01T07:30:00Z"),
        ("2024-05-01T09%3A30%3A00%2B02%3A00", "2024-05-01T07:30:00Z"),
        ("2024-05-01T07:30:00Z", "2024-05-01T07:30:00Z"),
        ("2024-05-01T09:30:00+02:00", "2024-05-01T07:30:00Z"),
        ("2024-05-01T02:30:00-05:00", "2024-05-01T07:30:00Z"),
    ])
    func instants(segment: String, utc: String) throws {
        let found = try match(.get, "/api/readings/\(uuidText)/\(segment)")
        #expect(found.parameters.instant("recorded") == Instant(rfc3339: utc))
    }

    @Test("untyped variables are strings")
    func stringVariable() throws {
        #expect(try match(.get, "/api/free/anything").parameters.string("name") == "anything")
    }

    @Test("routes from a request use its stage-stripped path")
    func fromRequest() throws {
        let request = HTTPRequest(kind: .httpAPI, method: .get, path: "/api/things/\(uuidText)")
        guard case .matched(let found) = router.route(request) else {
            Issue.record("no match")
            return
        }
        #expect(found.id == .list)
        #expect(found.route.template == "/api/things/{user_uuid}")
    }
}
