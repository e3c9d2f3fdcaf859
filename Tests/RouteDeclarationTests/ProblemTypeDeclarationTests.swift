import HealthTracker
import LambdaHTTP
import TestTags
import Testing

/// openapi.yaml's `Problem.type` enum against the problem types the functions answer with, so a
/// new kind of problem cannot ship undocumented (schemathesis found two that had).
@Suite("Problem types: openapi.yaml and the code", .tags(.pure))
struct ProblemTypeDeclarationTests {
    @Test("openapi.yaml's Problem.type enum lists exactly ProblemType.apiTypes")
    func problemTypeEnum() throws {
        let root = try StrictNode.load(RouteDeclarations.packageRoot.appendingPathComponent("openapi.yaml"))
        let what = "components.schemas.Problem.properties.type.enum"
        let declared = try root.value("components", in: "the document").value("schemas", in: "components")
            .value("Problem", in: "components.schemas").value("properties", in: "Problem")
            .value("type", in: "Problem.properties").value("enum", in: "Problem.properties.type")
            .elements(what).map { try $0.string(what) }
        #expect(declared.count == Set(declared).count, "\(what) lists a type twice")
        #expect(Set(declared) == Set(ProblemType.apiTypes.map(\.uri)))
    }
}
