public import UTCTime
import Synchronization

/// The process's connections, kept across invocations: to the writer and, when a reader
/// is configured, to the reader for read-only units of work. Each unit of work holds a
/// connection for its statements only, then gives it back for the next.
///
/// One session per runtime worker: `forWorker()` makes another that shares this one's
/// connections (`SessionPool`), so a process serving N invocations at once (Lambda Managed
/// Instances) opens at most `maximumConnections` (N) to each server, and one process serving
/// one at a time keeps one to each, as ever.
///
/// Connects lazily, on the first unit of work that needs the database, within that unit's
/// deadline, so an unreachable database costs one answer (503), never the process. Before
/// each unit it notices a close by the server while idle and reconnects (nothing was sent, so
/// that is always safe). When the connection breaks during a unit (or the server turns out
/// not to be the writer, 25006) it is dropped; a read-only unit runs again once, on a new
/// connection (a failed reader's unit on the writer), and a unit that may write never does:
/// its error says the outcome is unknown. A connect refused for the password (28P01) reads
/// the secret again, bypassing any cache, and tries once more.
///
/// Each unit is bounded by the invocation's deadline less a margin for answering, on the
/// client (the connection cancels and drops a statement still running then) and on the
/// server (statement_timeout: a session SET on a direct connection, `SET LOCAL` in each
/// transaction on a pooled one). A session is used by one worker at a time; the pool under it
/// is shared safely.
///
/// A pooler that `DATABASE_POOLED` does not announce shows as a named statement missing on
/// the server session (26000) or already there (42P05). The connection, and every later one
/// to that server, then takes the pooled path (unnamed statements, `SET LOCAL` timeouts); the
/// unit runs again once if nothing in it can have committed (so a read always, a write only
/// when its transaction was aborted by that error), and `takeWarnings` says once that
/// `DATABASE_POOLED=true` should be set.
public final class PostgresSession: Sendable {
    /// Time kept back from the invocation's remaining time to build and send the answer.
    public let marginMilliseconds: Int
    /// statement_timeout is rounded down to this step so that an invocation whose deadline
    /// differs by a few milliseconds from the last one does not cost a `SET` round trip.
    public let timeoutStepMilliseconds: Int
    /// Time spent in `run` (connecting and waiting on the server) since `takeDatabaseTime`:
    /// this session's (this worker's) only.
    private let databaseTime = Mutex<Duration>(.zero)
    /// The longest statement_timeout ever derived from a deadline: the function's configured
    /// timeout at most (Lambda's maximum, 15 minutes, by default), whatever a skewed clock says.
    public let maximumTimeoutMilliseconds: Int
    /// Less time than this before the deadline is not worth a round trip: 503 at once.
    public static let minimumTimeoutMilliseconds = 50
    /// How long a reader that failed is left alone, its reads going to the writer.
    public static let readerBackoffMilliseconds: Int64 = 5000

    private let pool: SessionPool
    /// What this worker's current invocation needs of the session (read-your-writes, the
    /// enclosing transaction); one worker uses a session at a time, the lock keeps it Sendable.
    let invocation = PoolLock(InvocationState())

    struct InvocationState {
        /// The position read-only units need the reader to have replayed (the client's token).
        var requiredReplayPosition: WALPosition?
        /// The WAL position after the last unit that may have written, until taken.
        var lastWritePosition: WALPosition?
        /// Set while `enclosingTransaction` runs: the connection every unit then uses.
        var enclosing: PooledConnection?
    }

    /// - Parameter maximumConnections: connections to each server at most, shared by this
    ///   session and those `forWorker()` makes: the number of workers.
    public convenience init(
        configuration: PostgresConfiguration, marginMilliseconds: Int = 500, timeoutStepMilliseconds: Int = 250,
        maximumTimeoutMilliseconds: Int = 900_000, maximumConnections: Int = 1
    ) {
        self.init(
            pool: SessionPool(writer: configuration, reader: nil, settings: nil, maximumConnections: maximumConnections),
            marginMilliseconds: marginMilliseconds, timeoutStepMilliseconds: timeoutStepMilliseconds,
            maximumTimeoutMilliseconds: maximumTimeoutMilliseconds
        )
    }

    /// A session on a function's settings: the writer, the reader when set, and the secret to
    /// read again on rotation.
    public convenience init(
        settings: DatabaseSettings, marginMilliseconds: Int = 500, timeoutStepMilliseconds: Int = 250,
        maximumTimeoutMilliseconds: Int = 900_000, maximumConnections: Int = 1
    ) {
        self.init(
            pool: SessionPool(writer: settings.writer, reader: settings.reader, settings: settings, maximumConnections: maximumConnections),
            marginMilliseconds: marginMilliseconds, timeoutStepMilliseconds: timeoutStepMilliseconds,
            maximumTimeoutMilliseconds: maximumTimeoutMilliseconds
        )
    }

    private init(pool: SessionPool, marginMilliseconds: Int, timeoutStepMilliseconds: Int, maximumTimeoutMilliseconds: Int) {
        self.pool = pool
        self.marginMilliseconds = marginMilliseconds
        self.timeoutStepMilliseconds = timeoutStepMilliseconds
        self.maximumTimeoutMilliseconds = maximumTimeoutMilliseconds
    }

    /// Another worker's session: the same connections, bound and settings, its own database time.
    public func forWorker() -> PostgresSession {
        PostgresSession(
            pool: pool, marginMilliseconds: marginMilliseconds, timeoutStepMilliseconds: timeoutStepMilliseconds,
            maximumTimeoutMilliseconds: maximumTimeoutMilliseconds
        )
    }

    /// The writer's configuration.
    public var configuration: PostgresConfiguration { pool.state.withLock { $0.writer.configuration } }

    /// Whether read-only units go to a reader.
    public var hasReader: Bool { pool.state.withLock { $0.reader != nil } }

    /// Connections to each server at most.
    public var maximumConnections: Int { pool.maximumConnections }

    /// Read-your-writes (see `PostgresSession+ReadYourWrites.swift`): the position read-only
    /// units need the reader to have replayed, set per invocation from the client's token.
    public var requiredReplayPosition: WALPosition? {
        get { invocation.withLock { $0.requiredReplayPosition } }
        set { invocation.withLock { $0.requiredReplayPosition = newValue } }
    }

    /// A failure on the reader that the writer may not have (a 404 from replication lag): the
    /// unit runs again on the writer before the error is believed. Shared by every worker.
    public var retriedOnWriter: (@Sendable (any Error) -> Bool)? {
        get { pool.state.withLock { $0.retriedOnWriter } }
        set { pool.state.withLock { $0.retriedOnWriter = newValue } }
    }

    /// Advice for the operator since the last call, each given once per process (a pooler
    /// found without `DATABASE_POOLED=true`); the caller logs it with the invocation's logger.
    public func takeWarnings() -> [String] {
        pool.state.withLock { state in
            defer { state.warnings = [] }
            return state.warnings
        }
    }

    /// Begins connecting without waiting: to the reader when one is configured and
    /// `access` is `.readOnly`, else to the writer. Call it at init: the TCP and TLS
    /// handshakes then overlap the runtime's first `/next`. It never fails; the first unit
    /// finishes the connect within its own deadline (an unreachable database is that unit's
    /// 503, as without it), or connects afresh when the begun one is over 10 s old.
    public func startConnecting(for access: DatabaseAccess = .readWrite) {
        pool.startConnecting(access == .readOnly && hasReader ? .reader : .writer)
    }

    /// Connections open now (idle or in use) to the writer and to the reader.
    public var openConnections: (writer: Int, reader: Int) { pool.openCounts }

    /// An open connection to the writer, kept in the pool (idle) for the next unit of work.
    @discardableResult
    public func open(deadline: Instant? = nil) throws(PostgresError) -> PostgresConnection {
        let lease: PooledConnection
        switch try pool.checkout(.writer) {
        case .idle(let idle) where idle.connection.isOpen:
            lease = idle
        case .idle(let idle):
            idle.connection.close()
            pool.forget(.writer)
            return try open(deadline: deadline)
        case .connect(let configuration, let begun):
            do {
                lease = PooledConnection(connection: try connect(.writer, configuration, begun: begun, deadline: deadline))
            } catch {
                pool.forget(.writer)
                throw error
            }
        }
        pool.checkin(lease, .writer)
        return lease.connection
    }

    /// Checks the schema on the first connection (writer or reader) rather than now, so that a
    /// database still resuming does not fail the process. Until it passes, every unit of
    /// work fails with `schemaOutdated` (500).
    public func requireSchema(_ migrator: Migrator) {
        pool.state.withLock { $0.pendingSchemaCheck = migrator }
    }

    /// Runs `body` on a connection, bounded by the invocation's deadline: the reader's for a
    /// read-only unit when a reader is configured and reachable, else the writer's.
    ///
    /// - Parameter deadline: the invocation's deadline (`LambdaContext.deadline`); nil: no
    ///   limit beyond the server's.
    @discardableResult
    public func run<T>(
        _ access: DatabaseAccess, deadline: Instant? = nil,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        // Inside `enclosingTransaction`: every unit joins its transaction on the writer.
        if let enclosing = invocation.withLock({ $0.enclosing }) { return try body(enclosing.connection) }
        let start = ContinuousClock.now
        defer {
            let spent = ContinuousClock.now - start
            databaseTime.withLock { $0 += spent }
        }
        let (useReader, retriedOnWriter) = pool.state.withLock { state in
            (state.reader != nil && (state.readerSkippedUntil.map { Instant.now() >= $0 } ?? true), state.retriedOnWriter)
        }
        if access == .readOnly && useReader {
            do {
                return try attempt(.reader, access, deadline: deadline, mayRetry: false) { connection in
                    try requireReplayed(connection)
                    return try body(connection)
                }
            } catch let error as PostgresError where error.connectionLost && !error.isTimeout {
                // The reader is down or gone: the writer answers, and the reader is left alone a while.
                let until = Instant.now().adding(microseconds: Self.readerBackoffMilliseconds * 1000)
                pool.state.withLock { $0.readerSkippedUntil = until }
            } catch is ReaderBehind {
                // Not yet replayed as far as the client has seen: the writer answers.
            } catch where retriedOnWriter?(error) == true {
                // Perhaps only not replayed yet: the writer decides.
            }
        }
        guard access == .readWrite else {
            return try attempt(.writer, access, deadline: deadline, mayRetry: true, body)
        }
        invocation.withLock { $0.lastWritePosition = nil }
        return try attempt(.writer, access, deadline: deadline, mayRetry: true) { connection in
            let value = try body(connection)
            recordWritePosition(connection)
            return value
        }
    }

    /// Runs `body` in one transaction on the writer in which every `run` and `transaction`
    /// that `body` makes joins (so code written as separate units commits or rolls back as
    /// one): committed when `body` returns, rolled back when it throws. As a unit that may
    /// write, it is never run again once sent.
    @discardableResult
    public func enclosingTransaction<T>(deadline: Instant? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try run(.readWrite, deadline: deadline) { connection in
            try connection.transaction { connection in
                invocation.withLock { $0.enclosing = PooledConnection(connection: connection) }
                defer { invocation.withLock { $0.enclosing = nil } }
                return try body(connection)
            }
        }
    }

    /// The time this session spent on the database since the last call (the `DatabaseTime` metric).
    public func takeDatabaseTime() -> Duration {
        databaseTime.withLock { time in
            defer { time = .zero }
            return time
        }
    }

    /// `run` in a transaction that commits when `body` returns and rolls back when it throws.
    /// A read-only transaction is run again whole once if the connection breaks.
    @discardableResult
    public func transaction<T>(
        readOnly: Bool = false, isolation: TransactionIsolation = .readCommitted,
        deadline: Instant? = nil, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        if let enclosing = invocation.withLock({ $0.enclosing }) { return try body(enclosing.connection) }
        return try run(readOnly ? .readOnly : .readWrite, deadline: deadline) { connection in
            try connection.transaction(readOnly: readOnly, isolation: isolation, body)
        }
    }

    /// The statement_timeout for a deadline: remaining less the margin, rounded down to the
    /// step, never more than `maximumTimeoutMilliseconds`.
    public func statementTimeout(remainingMilliseconds: Int) throws(PostgresError) -> Int {
        let available = remainingMilliseconds - marginMilliseconds
        guard available >= Self.minimumTimeoutMilliseconds else {
            throw PostgresError(code: .unavailable, message: "no time left for the database before the deadline", sqlState: "57014")
        }
        let stepped = available / timeoutStepMilliseconds * timeoutStepMilliseconds
        return min(max(stepped, min(available, timeoutStepMilliseconds)), maximumTimeoutMilliseconds)
    }

    /// Closes the idle connections, each with a Terminate message (the next use reopens them);
    /// on SIGTERM, when no unit of work is running, that is all of them.
    public func close() {
        for idle in pool.drainIdle() { idle.connection.close() }
    }

    // MARK: - Internals

    /// The bounds of one try of a unit, measured when it starts (a retry measures again).
    private struct Limits {
        /// When the client gives up on the server.
        var clientDeadline: Instant?
        var statementTimeoutMilliseconds: Int?
    }

    private func limits(_ deadline: Instant?) throws(PostgresError) -> Limits {
        guard let deadline else { return Limits() }
        let now = Instant.now()
        let timeout = try statementTimeout(
            remainingMilliseconds: Int(clamping: deadline.millisecondsSinceEpoch - now.millisecondsSinceEpoch)
        )
        // A little after the server's own timeout, which ends the statement more cheaply (the
        // connection survives), but still within the margin kept for answering.
        let grace = marginMilliseconds / 2
        return Limits(clientDeadline: now.adding(microseconds: Int64(timeout + grace) * 1000), statementTimeoutMilliseconds: timeout)
    }

    private func attempt<T>(
        _ role: SessionPool.Role, _ access: DatabaseAccess, deadline: Instant?, mayRetry: Bool,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let lease = try ready(role, try limits(deadline))
        do {
            return try markingUnknownOutcome(access) { try finishing(role, lease, access, body) }
        } catch let error as PostgresError where error.isStatementNameMismatch && !error.connectionLost {
            // The failed statement did nothing and its transaction, if any, was aborted
            // (`finishing` refused the case where an earlier commit makes it a second write).
            let again = try ready(role, try limits(deadline))
            return try markingUnknownOutcome(access) { try finishing(role, again, access, body) }
        } catch let error as PostgresError where access == .readOnly && mayRetry && error.connectionLost && !error.isTimeout {
            // Reads only: running them again cannot change anything. The time left is measured again.
            let fresh = try ready(role, try limits(deadline))
            return try finishing(role, fresh, access, body)
        }
    }

    /// Sent, and the connection gone (the client deadline included): a unit that may write
    /// may have committed. A server-side timeout on a live connection rolled back, so that is known.
    private func markingUnknownOutcome<T>(_ access: DatabaseAccess, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch var error as PostgresError where access == .readWrite && error.connectionLost {
            error.outcomeUnknown = true
            throw error
        }
    }

    /// A connection that found a pooler in the way (it switched to unnamed statements) makes
    /// every later connection to that server start unnamed, and the operator is told once.
    private func adoptPoolerFinding(_ role: SessionPool.Role, _ connection: PostgresConnection) {
        guard connection.unnamedStatements, !connection.configuration.pooled else { return }
        pool.state.withLock { state in
            guard !state[role].unnamedStatements else { return }
            // Told once per process: when neither server had been found behind a pooler yet.
            let toldAlready = state.writer.unnamedStatements || state.reader?.unnamedStatements == true
            state[role].unnamedStatements = true
            guard !toldAlready else { return }
            state.warnings.append(
                "a named prepared statement was missing on the server session or already there (SQLSTATE 26000 or 42P05): "
                    + "a transaction-pooling proxy is in the way; set DATABASE_POOLED=true. This process now uses unnamed statements.")
        }
    }

    /// A connection of the pool's with this try's bounds applied, held until `finishing` gives
    /// it back. Whatever fails here gives back or frees the place `checkout` took, once.
    private func ready(_ role: SessionPool.Role, _ limits: Limits) throws(PostgresError) -> PooledConnection {
        let checkout = try pool.checkout(role)
        var connection: PostgresConnection?
        do throws(PostgresError) {
            switch checkout {
            case .idle(let idle) where !idle.connection.checkClosedByServer():
                connection = idle.connection
            case .idle(let idle):
                // Closed by the server while idle: nothing was sent, so a new one is always safe.
                idle.connection.close()
                connection = try connect(role, nil, deadline: limits.clientDeadline)
            case .connect(let configuration, let begun):
                connection = try connect(role, configuration, begun: begun, deadline: limits.clientDeadline)
            }
            connection!.deadline = limits.clientDeadline
            do {
                try applyTimeout(connection!, limits)
            } catch where error.connectionLost && !error.isTimeout {
                // Setting a timeout is safe to repeat.
                connection!.close()
                connection = try connect(role, nil, deadline: limits.clientDeadline)
                connection!.deadline = limits.clientDeadline
                try applyTimeout(connection!, limits)
            }
            // On whichever connection opens first: a function that only reads may never open the
            // writer's, and a reader holds the same schema.
            if let migrator = pool.state.withLock({ $0.pendingSchemaCheck }) {
                try migrator.checkSchema(connection!)
                pool.state.withLock { $0.pendingSchemaCheck = nil }
            }
            connection!.mayHaveCommitted = false
            return PooledConnection(connection: connection!)
        } catch {
            if let connection, connection.isOpen, !error.requiresReconnect {
                giveBack(role, PooledConnection(connection: connection))
            } else {
                connection?.close()
                pool.forget(role)
            }
            throw error
        }
    }

    /// Opens a new connection (with the server's current configuration when none is given);
    /// once more with the secret read again when the password was refused.
    private func connect(
        _ role: SessionPool.Role, _ configuration: PostgresConfiguration?, begun: PendingConnect? = nil, deadline: Instant?
    ) throws(PostgresError) -> PostgresConnection {
        let (configuration, unnamed) = pool.state.withLock { (configuration ?? $0[role].configuration, $0[role].unnamedStatements) }
        do {
            let opened: PostgresConnection
            if let begun {
                opened = try PostgresConnection(configuration: configuration, deadline: deadline, resuming: begun)
            } else {
                opened = try PostgresConnection(configuration: configuration, deadline: deadline)
            }
            if unnamed { opened.unnamedStatements = true }
            return opened
        } catch where error.sqlState == "28P01" {
            guard let refreshed = try pool.state.withLock({ $0.settings })?.withRefreshedSecret() else { throw error }
            let updated = pool.state.withLock { state -> PostgresConfiguration in
                state.settings = refreshed
                state.writer.configuration = refreshed.writer
                if state.reader != nil, let configuration = refreshed.reader { state.reader!.configuration = configuration }
                return state[role].configuration
            }
            let opened = try PostgresConnection(configuration: updated, deadline: deadline)
            if unnamed { opened.unnamedStatements = true }
            return opened
        }
    }

    /// A held connection that must not be used again: closed, and its place freed.
    private func drop(_ role: SessionPool.Role, _ lease: PooledConnection) {
        lease.connection.close()
        pool.forget(role)
    }

    /// Rolls back what a broken unit left, then sets the server-side bound.
    private func applyTimeout(_ connection: PostgresConnection, _ limits: Limits) throws(PostgresError) {
        connection.rollbackIfNeeded()
        connection.localStatementTimeoutMilliseconds = nil
        guard let milliseconds = limits.statementTimeoutMilliseconds else { return }
        if connection.unnamedStatements {
            // A session-level SET would pin the session to one backend behind a proxy.
            connection.localStatementTimeoutMilliseconds = milliseconds
            return
        }
        do {
            try connection.setStatementTimeout(milliseconds: milliseconds)
        } catch where !error.connectionLost {
            // Our own setup failed (a value the server refuses is class 22): never the caller's fault.
            throw PostgresError(code: .other, message: "setting statement_timeout failed: " + error.message, sqlState: error.sqlState)
        }
    }

    /// Runs the body on a held connection and gives it back with no transaction left open,
    /// whatever it did; a connection that must not be used again is dropped instead.
    private func finishing<T>(
        _ role: SessionPool.Role, _ lease: PooledConnection, _ access: DatabaseAccess, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let value: T
        do {
            value = try body(lease.connection)
        } catch let error as PostgresError where error.requiresReconnect {
            drop(role, lease)
            throw error
        } catch let error as PostgresError where error.isStatementNameMismatch && !error.connectionLost
            && access == .readWrite && lease.connection.mayHaveCommitted {
            // Running the unit again after part of it committed would write twice.
            giveBack(role, lease)
            throw PostgresError(
                code: .unavailable,
                message: "a prepared statement (SQLSTATE \(error.sqlState ?? "-")) was lost behind a pooler after part of the work committed",
                sqlState: nil)
        } catch {
            giveBack(role, lease)
            throw error
        }
        giveBack(role, lease)
        return value
    }

    private func giveBack(_ role: SessionPool.Role, _ lease: PooledConnection) {
        lease.connection.rollbackIfNeeded()
        adoptPoolerFinding(role, lease.connection)
        guard lease.connection.isOpen else {
            drop(role, lease)
            return
        }
        pool.checkin(lease, role)
    }
}
