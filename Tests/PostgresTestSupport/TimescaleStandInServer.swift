import Foundation

/// A cluster of its own started by scripts/pg-timescale-standin-start: a private copy of
/// PostgreSQL whose extension folder holds a TimescaleDB stand-in that fails to create with
/// `extension "timescaledb" must be preloaded`, as TimescaleDB installed but not preloaded
/// does. The system's extension folder is not touched, so other tests and clusters are not
/// affected. `stop` stops the server this started and removes its folder.
public struct TimescaleStandInServer: Sendable {
    /// The admin URL (the `postgres` database, user `postgres`).
    public let adminURL: String
    let directory: String

    public static func start() throws -> TimescaleStandInServer {
        let directory = try makeDirectory()
        let script = TestCluster.packageRoot.appendingPathComponent("scripts/pg-timescale-standin-start").path
        let output = directory + ".out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        // system(), as TestCluster does: the script leaves the server behind, and Process's wait can hang.
        let status = system("PG_DIR='\(directory)' '\(script)' >'\(output)' 2>&1")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let prefix = "export TEST_DATABASE_URL="
        guard status == 0, let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else {
            _ = try? FileManager.default.removeItem(atPath: directory)
            throw TestCluster.Unavailable(description: "scripts/pg-timescale-standin-start failed (status \(status)):\n\(text)")
        }
        let url = line.dropFirst(prefix.count).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        return TimescaleStandInServer(adminURL: url, directory: directory)
    }

    /// A URL for `database` on this server.
    public func url(database: String) -> String {
        guard var components = URLComponents(string: adminURL) else { return adminURL }
        components.path = "/" + database
        return components.string ?? adminURL
    }

    public func stop() {
        let script = TestCluster.packageRoot.appendingPathComponent("scripts/pg-stop").path
        _ = system("PG_DIR='\(directory)' '\(script)' >/dev/null 2>&1")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A folder under /tmp the postgres user can search (the scripts run the server as that user under root).
    private static func makeDirectory() throws -> String {
        var template = Array("/tmp/healthtracker-tsstandin.XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TestCluster.Unavailable(description: "mkdtemp failed")
        }
        let path = String(cString: made)
        chmod(path, 0o755)
        return path
    }
}
