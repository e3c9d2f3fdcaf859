#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read straight from `environ` (no Foundation at start-up).
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }

    /// The last path component of `argv[0]`.
    static func executableName() -> String {
        guard let first = CommandLine.arguments.first, let name = first.split(separator: "/").last else { return "function" }
        return String(name)
    }
}
