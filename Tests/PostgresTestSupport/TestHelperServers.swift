import Foundation

/// The servers some tests need beside the cluster: PgBouncer in transaction mode
/// (scripts/pgbouncer-start) and a hot standby (scripts/pg-standby-start), each started
/// once per test process when the scripts have not exported its port already, and left
/// running for the next run (scripts/pgbouncer-stop and scripts/pg-standby-stop end them).
///
/// Never skips: without the server every test that needs it fails with the reason.
public enum TestHelperServers {
    /// PgBouncer's port: TEST_PGBOUNCER_PORT, or the one scripts/pgbouncer-start reports.
    public static func poolerPort() throws -> Int {
        try pooler.get()
    }

    /// The standby's port: TEST_STANDBY_PORT, or the one scripts/pg-standby-start reports.
    public static func standbyPort() throws -> Int {
        try standby.get()
    }

    private static let pooler: Result<Int, TestCluster.Unavailable> = started(
        environment: "TEST_PGBOUNCER_PORT", script: "scripts/pgbouncer-start", exported: "PGBOUNCER_PORT")
    private static let standby: Result<Int, TestCluster.Unavailable> = started(
        environment: "TEST_STANDBY_PORT", script: "scripts/pg-standby-start", exported: "STANDBY_PORT")

    private static func started(environment name: String, script: String, exported: String) -> Result<Int, TestCluster.Unavailable> {
        if let text = ProcessInfo.processInfo.environment[name], let port = Int(text) {
            return .success(port)
        }
        // The scripts need the cluster running; resolving the admin URL starts it if needed.
        if case .failure(let error) = Result(catching: { try TestCluster.adminURL() }) {
            return .failure(TestCluster.Unavailable(description: "\(script) needs the test cluster: \(error)"))
        }
        return TestCluster.exported(exported, byRunning: script).flatMap { text in
            Int(text).map { .success($0) } ?? .failure(TestCluster.Unavailable(description: "\(script) exported \(exported)=\(text)"))
        }
    }
}
