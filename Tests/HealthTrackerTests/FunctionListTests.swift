import Foundation
import HealthTracker
import TestTags
import Testing

/// Sources/Functions/names.txt is the one list of function products (Package.swift and the
/// packaging scripts read it): the router's functions, plus the two that serve no API route.
@Suite("Function list (Sources/Functions/names.txt)", .tags(.pure))
struct FunctionListTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func listedNames() throws -> [String] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Sources/Functions/names.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The functions that are not one of the router's: the `$default` route's and `migrate`.
    static let nonAPIFunctions: Set<String> = [DefaultRouteFunction.name, "migrate"]

    @Test("names.txt lists each APIFunction once, the default route's and migrate, and nothing else")
    func namesMatchTheRouter() throws {
        let listed = try Self.listedNames()
        #expect(listed.count == Set(listed).count, "a name is listed twice: \(listed)")
        #expect(Set(listed) == Set(APIFunction.allCases.map(\.rawValue)).union(Self.nonAPIFunctions))
    }

    @Test("every listed function has its sources under Sources/Functions")
    func everyNameHasSources() throws {
        for name in try Self.listedNames() {
            let main = Self.packageRoot.appendingPathComponent("Sources/Functions/\(name)/main.swift").path
            #expect(FileManager.default.fileExists(atPath: main), "no \(main)")
        }
    }
}
