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
        let script = packageRoot.appendingPathComponent("scripts/pg-start").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(Unavailable(description: "TEST_DATABASE_URL is not set and \(script) could not run (\(error)). Start a server with `eval \"$(scripts/pg-start)\"`."))
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(Unavailable(description: "TEST_DATABASE_URL is not set and scripts/pg-start failed (exit \(process.terminationStatus)):\n\(log)"))
        }
        for line in text.split(separator: "\n") where line.hasPrefix("export TEST_DATABASE_URL=") {
            let value = line.dropFirst("export TEST_DATABASE_URL=".count).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            return .success(value)
        }
        return .failure(Unavailable(description: "scripts/pg-start printed no TEST_DATABASE_URL:\n\(text)\(log)"))
    }
}
