#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read straight from `environ` (no Foundation at start-up).
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var count = 0
        while environ[count] != nil { count += 1 }
        var result: [String: String] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            let text = environ[index]!
            let entry = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
            // Split at the first '=' as bytes: a Character search would break graphemes first.
            guard let equals = entry.firstIndex(of: UInt8(ascii: "=")) else { continue }
            result[String(decoding: entry[..<equals], as: UTF8.self)] = String(decoding: entry[(equals + 1)...], as: UTF8.self)
        }
        return result
    }

    /// The last path component of `argv[0]`.
    static func executableName() -> String {
        guard let first = CommandLine.arguments.first, let name = first.split(separator: "/").last else { return "function" }
        return String(name)
    }
}
