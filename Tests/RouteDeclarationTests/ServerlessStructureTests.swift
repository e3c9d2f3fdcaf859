import TestTags
import Testing

/// What serverless.yml must say besides its routes (RouteDeclarationTests checks those), since
/// no offline Serverless validator runs here: the runtime, the packaging, the authorizer on
/// every route, the network and the environment the functions read.
@Suite("serverless.yml structure", .tags(.pure))
struct ServerlessStructureTests {
    /// The provider environment every function reads at start.
    static let environmentKeys = [
        "AUTH_MODE", "IDEMPOTENCY_KEY", "DATABASE_SECRET_ARN", "DATABASE_HOST", "DATABASE_NAME", "PGSSLMODE",
        "PGSSLROOTCERT", "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
    ]

    static func load() throws -> StrictNode {
        try StrictNode.load(RouteDeclarations.packageRoot.appendingPathComponent("serverless.yml"))
    }

    @Test("the provider: AWS, provided.al2023, in the VPC, with the functions' environment")
    func provider() throws {
        let provider = try Self.load().value("provider", in: "the file")
        #expect(try provider.value("name", in: "provider").string("provider.name") == "aws")
        #expect(try provider.value("runtime", in: "provider").string("provider.runtime") == "provided.al2023")
        let vpc = try provider.value("vpc", in: "provider")
        #expect(try !vpc.value("subnetIds", in: "provider.vpc").elements("provider.vpc.subnetIds").isEmpty)
        #expect(try !vpc.value("securityGroupIds", in: "provider.vpc").elements("provider.vpc.securityGroupIds").isEmpty)
        let environment = Set(try provider.value("environment", in: "provider").pairs("provider.environment").map(\.key))
        for key in Self.environmentKeys {
            #expect(environment.contains(key), "provider.environment lacks \(key)")
        }
    }

    @Test("each function is packaged on its own, from its zip, with handler bootstrap")
    func packaging() throws {
        let root = try Self.load()
        #expect(try root.value("package", in: "the file").value("individually", in: "package").bool("package.individually"))
        for (name, function) in try root.value("functions", in: "the file").pairs("functions") {
            #expect(try function.value("handler", in: "functions.\(name)").string("functions.\(name).handler") == "bootstrap", "\(name)")
        }
    }

    @Test("every route is behind the JWT authorizer")
    func authorizer() throws {
        let root = try Self.load()
        let authorizers = try root.value("provider", in: "the file").value("httpApi", in: "provider")
            .value("authorizers", in: "provider.httpApi").pairs("provider.httpApi.authorizers")
        let jwt = try Set(authorizers.filter { try $0.value.value("type", in: $0.key).string("\($0.key).type") == "jwt" }.map(\.key))
        try #require(!jwt.isEmpty, "provider.httpApi.authorizers has no jwt authorizer")
        var routes = 0
        for (name, function) in try root.value("functions", in: "the file").pairs("functions") {
            guard let events = try function.optionalValue("events", in: "functions.\(name)") else { continue }
            for (index, event) in try events.elements("functions.\(name).events").enumerated() {
                let what = "functions.\(name).events[\(index)].httpApi"
                // The mapping form: the short form ('GET /path') names no authorizer.
                let authorizer = try event.value("httpApi", in: "functions.\(name).events[\(index)]")
                    .value("authorizer", in: what).value("name", in: "\(what).authorizer").string("\(what).authorizer.name")
                #expect(jwt.contains(authorizer), "\(what): authorizer \(authorizer) is not a jwt authorizer")
                routes += 1
            }
        }
        #expect(routes > 0)
    }
}
