/// Read-your-writes with a reader: a unit that may write records the writer's WAL insert
/// position after it (`takeWritePosition`, the client's consistency token: at or past the
/// commit); a read that presents a position (`requiredReplayPosition`) goes to the reader only
/// if `pg_last_wal_replay_lsn()` there has reached it, else to the writer. One round trip more
/// on each side, only when there is something to record or check.
extension PostgresSession {
    /// The WAL position after the last unit that may have written since the last call; nil
    /// when none wrote or the position could not be read (the write itself stands).
    public func takeWritePosition() -> WALPosition? {
        invocation.withLock { state in
            defer { state.lastWritePosition = nil }
            return state.lastWritePosition
        }
    }

    /// The reader has not replayed as far as the client needs.
    struct ReaderBehind: Error {}

    /// Throws `ReaderBehind` unless the reader has replayed `requiredReplayPosition`.
    func requireReplayed(_ connection: PostgresConnection) throws {
        guard let position = requiredReplayPosition else { return }
        let replayed = try connection.execute(
            "SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, true)", [position.description]
        ).first?.decode(0, as: Bool.self)
        // Not in recovery (the reader's name points at a writer): null, so it has everything.
        guard replayed == true else { throw ReaderBehind() }
    }

    /// After a unit that may have written, on its connection: the writer's insert position,
    /// which is at or past its commit record (also with synchronous_commit off, where the
    /// flush lags).
    func recordWritePosition(_ connection: PostgresConnection) {
        do {
            let text = try connection.execute("SELECT pg_current_wal_insert_lsn()::text").first?.decode(0, as: String.self)
            let position = text.flatMap { WALPosition($0) }
            invocation.withLock { $0.lastWritePosition = position }
        } catch {
            // The write is done; only its token is lost. A broken connection is not given back
            // for reuse (`giveBack` drops a connection that is no longer open).
        }
    }
}
