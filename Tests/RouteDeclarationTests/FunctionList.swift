import Foundation

/// Sources/Functions/names.txt, the one list of function products: Package.swift and
/// scripts/lambda-lib.sh read it too, and the deployment files must declare exactly these.
enum FunctionList {
    static func names() throws -> [String] {
        let url = RouteDeclarations.packageRoot.appendingPathComponent("Sources/Functions/names.txt")
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
