import Foundation
public import Postgres

/// The test standby's replay, paused for a deterministic replication lag
/// (`pg_wal_replay_pause`) and waited for. Replay is paused for the whole standby, so a test
/// keeps the pause short and always resumes (`paused` resumes however `body` ends).
public struct PausedReplay {
    let standby: PostgresConnection

    /// An admin connection to the standby on `port`.
    public init(standbyPort: Int) throws {
        var url = URLComponents(string: try TestCluster.adminURL())
        url?.port = standbyPort
        guard let text = url?.string else { throw TestCluster.Unavailable(description: "the admin URL is not a URI") }
        standby = try PostgresConnection(configuration: PostgresConfiguration(connectionString: text, applicationName: "replay-control"))
    }

    /// Waits until the standby has replayed the writer's WAL up to `position` (polling: the
    /// standby announces nothing), at most about 20 s.
    public func waitForReplay(of position: WALPosition) async throws {
        for _ in 0..<400 {
            let replayed = try standby.execute("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", [position.description])
            if try replayed.first?.decode(0, as: Bool.self) == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestCluster.Unavailable(description: "the standby did not replay up to \(position) in 20 s")
    }

    /// The writer's current WAL insert position.
    public static func writerPosition(_ writer: PostgresConnection) throws -> WALPosition {
        let text = try writer.execute("SELECT pg_current_wal_insert_lsn()::text").first!.decode(0, as: String.self)
        guard let position = WALPosition(text) else { throw TestCluster.Unavailable(description: "not a WAL position: \(text)") }
        return position
    }

    /// Runs `body` with replay paused, then resumes it. Suites run in parallel and share one
    /// standby, so one test pauses at a time: another's resume must not end this one's lag.
    public func paused<T>(_ body: () async throws -> T) async throws -> T {
        await ReplayPauseTurn.shared.acquire()
        do {
            try standby.execute("SELECT pg_wal_replay_pause()")
            let value = try await body()
            try standby.execute("SELECT pg_wal_replay_resume()")
            await ReplayPauseTurn.shared.release()
            return value
        } catch {
            _ = try? standby.execute("SELECT pg_wal_replay_resume()")
            await ReplayPauseTurn.shared.release()
            throw error
        }
    }
}

/// The one turn at pausing the shared standby's replay, handed on in arrival order.
actor ReplayPauseTurn {
    static let shared = ReplayPauseTurn()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard taken else {
            taken = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            taken = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
