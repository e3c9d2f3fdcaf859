import HealthTracker
import TestTags
import Testing

/// The router's table (`APIRoute`) against the files that declare routes elsewhere: a
/// route added to one and not the others fails here, naming file, function and route.
@Suite("Route declarations: template.yaml, serverless.yml, openapi.yaml", .tags(.pure))
struct RouteDeclarationTests {
    /// One file and what it must declare for a function.
    struct Source: Sendable, CustomTestStringConvertible {
        let file: String
        let extract: @Sendable (StrictNode) throws -> RouteDeclarations
        let expected: @Sendable (APIFunction) -> Set<DeclaredRoute>
        /// Whether the file declares every function of names.txt, those that serve no route
        /// (migrate) too, as the deployment files do; else only those that serve routes.
        let declaresEveryFunction: Bool

        var testDescription: String { file }
    }

    static let sources: [Source] = [
        Source(file: "template.yaml", extract: RouteDeclarations.sam, expected: ExpectedRoutes.bothSlashForms, declaresEveryFunction: true),
        Source(file: "serverless.yml", extract: RouteDeclarations.serverless, expected: ExpectedRoutes.bothSlashForms, declaresEveryFunction: true),
        Source(file: "openapi.yaml", extract: RouteDeclarations.openAPI, expected: ExpectedRoutes.canonical, declaresEveryFunction: false),
    ]

    @Test("each function declares exactly the router's routes", arguments: sources)
    func declaresTheRoutersRoutes(source: Source) throws {
        let declared = try RouteDeclarations.load(source.file, source.extract).routes
        let listed = try FunctionList.names()
        let routed = Set(APIFunction.allCases.map(\.rawValue) + [DefaultRouteFunction.name])
        let names = source.declaresEveryFunction ? listed : listed.filter(routed.contains)
        #expect(declared.keys.sorted() == names.sorted(), "\(source.file) declares functions \(declared.keys.sorted())")
        for name in names where !routed.contains(name) {
            #expect(declared[name] == [], "\(source.file): \(name) declares routes \(declared[name] ?? [])")
        }
        for function in APIFunction.allCases {
            let routes = declared[function.rawValue] ?? []
            var seen: Set<DeclaredRoute> = []
            let twice = routes.filter { !seen.insert($0).inserted }
            #expect(twice.isEmpty, "\(source.file): \(function.rawValue) declares \(twice) more than once")

            let expected = source.expected(function)
            let missing = expected.subtracting(seen).sorted()
            let extra = seen.subtracting(expected).sorted()
            #expect(missing.isEmpty, "\(source.file): \(function.rawValue) lacks \(missing.map(\.description))")
            #expect(extra.isEmpty, "\(source.file): \(function.rawValue) declares routes the router lacks: \(extra.map(\.description))")
        }
    }

    @Test("the $default route goes to default_route, and only there", arguments: sources)
    func defaultRoute(source: Source) throws {
        let declared = try RouteDeclarations.load(source.file, source.extract).routes
        #expect(declared[DefaultRouteFunction.name] == [.defaultRoute], "\(source.file): \(declared[DefaultRouteFunction.name] ?? [])")
        for (function, routes) in declared where function != DefaultRouteFunction.name {
            #expect(!routes.contains(.defaultRoute), "\(source.file): \(function) also declares $default")
        }
        // What default_route answers from: the whole table, so 405 lists every method of a path.
        #expect(DefaultRouteFunction.router.routes.count == APIRoute.allCases.count)
    }

    @Test("the templates declare every route without and with the trailing slash")
    func bothSlashFormsAreExpected() {
        // The expectation itself: 26 routes of api.md, two forms each, none the same.
        let all = APIFunction.allCases.map { ExpectedRoutes.bothSlashForms($0).count }.reduce(0, +)
        #expect(all == 2 * APIRoute.allCases.count)
        for route in APIRoute.allCases {
            let forms = ExpectedRoutes.bothSlashForms(route.function).filter {
                $0.method == route.method.rawValue && ($0.path == route.template || $0.path + "/" == route.template || $0.path == route.template + "/")
            }
            #expect(forms.count == 2, "\(route.routeKey): \(forms)")
        }
    }
}
