import Foundation
import HealthTracker
import TestTags
import Testing

/// Sources/Functions/names.txt is the one list of function products (Package.swift and the
/// packaging scripts read it): the router's functions, plus the two that serve no API route.
@Suite("Function list (Sources/Functions/names.txt)", .tags(.pure))
struct FunctionListTests {
    /// The functions that are not one of the router's: the `$default` route's and `migrate`.
    static let nonAPIFunctions: Set<String> = [DefaultRouteFunction.name, SchemaMigrationHandler.name]

    @Test("names.txt lists each APIFunction once, the default route's and migrate, and nothing else")
    func namesMatchTheRouter() throws {
        let listed = try FunctionList.names()
        #expect(listed.count == Set(listed).count, "a name is listed twice: \(listed)")
        #expect(Set(listed) == Set(APIFunction.allCases.map(\.rawValue)).union(Self.nonAPIFunctions))
    }

    @Test("every listed function has its sources under Sources/Functions")
    func everyNameHasSources() throws {
        for name in try FunctionList.names() {
            let main = RouteDeclarations.packageRoot.appendingPathComponent("Sources/Functions/\(name)/main.swift").path
            #expect(FileManager.default.fileExists(atPath: main), "no \(main)")
        }
    }
}
