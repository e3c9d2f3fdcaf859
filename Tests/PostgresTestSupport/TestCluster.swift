public import Foundation
public import Postgres

/// The PostgreSQL server tests run against: TEST_DATABASE_URL (an admin URL, set by the
/// scripts after scripts/pg-start), or else a throwaway cluster this process starts with
/// scripts/pg-start (left running for the next run; scripts/pg-stop ends it).
///
/// Never skips: without a server every database test fails with the reason.
public enum TestCluster {
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The admin URL (a `postgresql://` URI whose path names the maintenance database).
    public static func adminURL() throws -> String {
        try resolved.get()
    }

    public static func adminConfiguration() throws -> PostgresConfiguration {
        PostgresConfiguration(connectionString: try adminURL(), applicationName: "tests")
    }

    /// The package root, found from this file's path (Tests/PostgresTestSupport/TestCluster.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static let resolved: Result<String, Unavailable> = {
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            return .success(url)
        }
        return startCluster()
    }()

    private static func startCluster() -> Result<String, Unavailable> {
        exported("TEST_DATABASE_URL", byRunning: "scripts/pg-start").mapError { error in
            Unavailable(description: "TEST_DATABASE_URL is not set and \(error); start a server with `eval \"$(scripts/pg-start)\"` and set TEST_DATABASE_URL")
        }
    }

    /// Runs a start script of this package and returns the value it exports as `name`.
    static func exported(_ name: String, byRunning script: String) -> Result<String, Unavailable> {
        exports(byRunning: script).flatMap { values in
            values[name].map { .success($0) } ?? .failure(Unavailable(description: "\(script) printed no \(name)"))
        }
    }

    /// Runs a start script of this package (with its arguments, which need no quoting) and
    /// returns every `export NAME='value'` it prints.
    static func exports(byRunning script: String, arguments: [String] = []) -> Result<[String: String], Unavailable> {
        let path = packageRoot.appendingPathComponent(script).path
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(script.split(separator: "/").last ?? "script")-\(ProcessInfo.processInfo.processIdentifier).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        // system() rather than Process: the scripts leave a daemon behind, and Process's
        // wait on Linux can hang inside a test run whose threads are busy; system() just waits.
        let status = system("'\(path)' \(arguments.joined(separator: " ")) >'\(output)' 2>&1")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            return .failure(Unavailable(description: "\(script) failed (status \(status)):\n\(text)"))
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("export ") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = String(line[line.index(line.startIndex, offsetBy: 7)..<equals])
            values[name] = line[line.index(after: equals)...].trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
        return .success(values)
    }
}
