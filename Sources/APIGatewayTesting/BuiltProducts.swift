#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds an executable SwiftPM built: beside the running test bundle or tool, else in the
/// package's `.build/debug`.
public enum BuiltProducts {
    /// Nil when no executable of that name was built.
    public static func path(_ name: String) -> String? {
        candidates(name).first { access($0, X_OK) == 0 }
    }

    static func candidates(_ name: String) -> [String] {
        var result: [String] = []
        var directory = parent(absolute(CommandLine.arguments[0]))
        for _ in 0..<6 {
            result += [directory + "/" + name, directory + "/debug/" + name]
            directory = parent(directory)
        }
        // The package root from this file: Sources/APIGatewayTesting/BuiltProducts.swift.
        result.append(parent(parent(parent(#filePath))) + "/.build/debug/" + name)
        return result
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    private static func parent(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + parts.dropLast().joined(separator: "/")
    }
}
