public import UTCTime

/// The process's connections, kept across invocations: one to the writer and, when a reader
/// is configured, one to the reader for read-only units of work.
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
/// transaction on a pooled one). Not thread-safe: one owner (the handler).
///
/// A pooler that `DATABASE_POOLED` does not announce shows as a named statement missing on
/// the server session (26000) or already there (42P05). The connection, and every later one
/// to that server, then takes the pooled path (unnamed statements, `SET LOCAL` timeouts); the
/// unit runs again once if nothing in it can have committed (so a read always, a write only
/// when its transaction was aborted by that error), and `takeWarnings` says once that
/// `DATABASE_POOLED=true` should be set.
public final class PostgresSession {
    /// Time kept back from the invocation's remaining time to build and send the answer.
    public let marginMilliseconds: Int
    /// statement_timeout is rounded down to this step so that an invocation whose deadline
    /// differs by a few milliseconds from the last one does not cost a `SET` round trip.
    public let timeoutStepMilliseconds: Int
    /// Time spent in `run` (connecting and waiting on the server) since `takeDatabaseTime`.
    private var databaseTime: Duration = .zero
    /// The longest statement_timeout ever derived from a deadline: the function's configured
    /// timeout at most (Lambda's maximum, 15 minutes, by default), whatever a skewed clock says.
    public let maximumTimeoutMilliseconds: Int
    /// Less time than this before the deadline is not worth a round trip: 503 at once.
    public static let minimumTimeoutMilliseconds = 50
    /// How long a reader that failed is left alone, its reads going to the writer.
    public static let readerBackoffMilliseconds: Int64 = 5000

    private var settings: DatabaseSettings?
    private let writer: SessionEndpoint
    private let reader: SessionEndpoint?
    private var readerSkippedUntil: Instant?
    /// Checked once on the first connection, writer or reader (see `requireSchema`).
    private var pendingSchemaCheck: Migrator?
    /// Read-your-writes (see `PostgresSession+ReadYourWrites.swift`): the position read-only
    /// units need the reader to have replayed, set per invocation from the client's token.
    public var requiredReplayPosition: WALPosition?
    /// A failure on the reader that the writer may not have (a 404 from replication lag): the
    /// unit runs again on the writer before the error is believed.
    public var retriedOnWriter: ((any Error) -> Bool)?
    /// Set while `enclosingTransaction` runs: the connection every unit then uses.
    var enclosingConnection: PostgresConnection?
    /// The WAL position after the last unit that may have written, until taken.
    var lastWritePosition: WALPosition?
    /// Advice for the operator not yet handed to the function's log (see `takeWarnings`).
    private var warnings: [String] = []
    private var warnedAboutPooler = false

    public convenience init(
        configuration: PostgresConfiguration, marginMilliseconds: Int = 500, timeoutStepMilliseconds: Int = 250,
        maximumTimeoutMilliseconds: Int = 900_000
    ) {
        self.init(
            writer: configuration, reader: nil, settings: nil, marginMilliseconds: marginMilliseconds,
            timeoutStepMilliseconds: timeoutStepMilliseconds, maximumTimeoutMilliseconds: maximumTimeoutMilliseconds
        )
    }

    /// A session on a function's settings: the writer, the reader when set, and the secret to
    /// read again on rotation.
    public convenience init(
        settings: DatabaseSettings, marginMilliseconds: Int = 500, timeoutStepMilliseconds: Int = 250,
        maximumTimeoutMilliseconds: Int = 900_000
    ) {
        self.init(
            writer: settings.writer, reader: settings.reader, settings: settings, marginMilliseconds: marginMilliseconds,
            timeoutStepMilliseconds: timeoutStepMilliseconds, maximumTimeoutMilliseconds: maximumTimeoutMilliseconds
        )
    }

    private init(
        writer: PostgresConfiguration, reader: PostgresConfiguration?, settings: DatabaseSettings?,
        marginMilliseconds: Int, timeoutStepMilliseconds: Int, maximumTimeoutMilliseconds: Int
    ) {
        self.settings = settings
        self.marginMilliseconds = marginMilliseconds
        self.timeoutStepMilliseconds = timeoutStepMilliseconds
        self.maximumTimeoutMilliseconds = maximumTimeoutMilliseconds
        self.writer = SessionEndpoint(configuration: writer)
        self.reader = reader.map(SessionEndpoint.init(configuration:))
    }

    /// The writer's configuration.
    public var configuration: PostgresConfiguration { writer.configuration }

    /// Whether read-only units go to a reader.
    public var hasReader: Bool { reader != nil }

    /// Opens the writer's connection now unless it is open.
    @discardableResult
    public func open(deadline: Instant? = nil) throws(PostgresError) -> PostgresConnection {
        if let connection = writer.connection, connection.isOpen { return connection }
        return try connect(writer, deadline: deadline)
    }

    /// Begins connecting without waiting: to the reader when one is configured and
    /// `access` is `.readOnly`, else to the writer. Call it at init: the TCP and TLS
    /// handshakes then overlap the runtime's first `/next`. It never fails; the first unit
    /// finishes the connect within its own deadline (an unreachable database is that unit's
    /// 503, as without it), or connects afresh when the begun one is over 10 s old.
    public func startConnecting(for access: DatabaseAccess = .readWrite) {
        (access == .readOnly ? reader ?? writer : writer).startConnecting()
    }

    /// Checks the schema on the first connection (writer or reader) rather than now, so that a
    /// database still resuming does not fail the process. Until it passes, every unit of
    /// work fails with `schemaOutdated` (500).
    public func requireSchema(_ migrator: Migrator) {
        pendingSchemaCheck = migrator
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
        if let enclosing = enclosingConnection { return try body(enclosing) }
        let start = ContinuousClock.now
        defer { databaseTime += ContinuousClock.now - start }
        if access == .readOnly, let reader, readerSkippedUntil.map({ Instant.now() >= $0 }) ?? true {
            do {
                return try attempt(reader, access, deadline: deadline, mayRetry: false) { connection in
                    try requireReplayed(connection)
                    return try body(connection)
                }
            } catch let error as PostgresError where error.connectionLost && !error.isTimeout {
                // The reader is down or gone: the writer answers, and the reader is left alone a while.
                readerSkippedUntil = Instant.now().adding(microseconds: Self.readerBackoffMilliseconds * 1000)
            } catch is ReaderBehind {
                // Not yet replayed as far as the client has seen: the writer answers.
            } catch where retriedOnWriter?(error) == true {
                // Perhaps only not replayed yet: the writer decides.
            }
        }
        if access == .readWrite { lastWritePosition = nil }
        let value = try attempt(writer, access, deadline: deadline, mayRetry: true, body)
        if access == .readWrite { recordWritePosition() }
        return value
    }

    /// Runs `body` in one transaction on the writer in which every `run` and `transaction`
    /// that `body` makes joins (so code written as separate units commits or rolls back as
    /// one): committed when `body` returns, rolled back when it throws. As a unit that may
    /// write, it is never run again once sent.
    @discardableResult
    public func enclosingTransaction<T>(deadline: Instant? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try run(.readWrite, deadline: deadline) { connection in
            try connection.transaction { connection in
                enclosingConnection = connection
                defer { enclosingConnection = nil }
                return try body(connection)
            }
        }
    }

    /// Advice for the operator since the last call, each given once per process (a pooler
    /// found without `DATABASE_POOLED=true`); the caller logs it with the invocation's logger.
    public func takeWarnings() -> [String] {
        defer { warnings = [] }
        return warnings
    }

    /// The time spent on the database since the last call (the `DatabaseTime` metric).
    public func takeDatabaseTime() -> Duration {
        defer { databaseTime = .zero }
        return databaseTime
    }

    /// `run` in a transaction that commits when `body` returns and rolls back when it throws.
    /// A read-only transaction is run again whole once if the connection breaks.
    @discardableResult
    public func transaction<T>(
        readOnly: Bool = false, isolation: TransactionIsolation = .readCommitted,
        deadline: Instant? = nil, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        if let enclosing = enclosingConnection { return try body(enclosing) }
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

    /// Closes the connections and drops a begun connect (the next use reopens them).
    public func close() {
        writer.closeAll()
        reader?.closeAll()
    }

    // MARK: - Internals

    /// The writer's connection, for `recordWritePosition`.
    var writerConnection: PostgresConnection? { writer.connection }

    /// Drops the writer's connection (it failed while reading the write position).
    func dropWriterConnection() { writer.close() }

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
        _ endpoint: SessionEndpoint, _ access: DatabaseAccess, deadline: Instant?, mayRetry: Bool,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let connection = try ready(endpoint, try limits(deadline))
        do {
            return try markingUnknownOutcome(access) { try finishing(endpoint, connection, body) }
        } catch let error as PostgresError where error.isStatementNameMismatch && !error.connectionLost {
            // The failed statement did nothing and its transaction, if any, was aborted: only
            // an earlier commit in the unit would make running it again a second write.
            guard access == .readOnly || !connection.mayHaveCommitted else {
                throw PostgresError(
                    code: .unavailable, message: "a prepared statement was lost behind a pooler after part of the work committed",
                    sqlState: error.sqlState)
            }
            let again = try ready(endpoint, try limits(deadline))
            return try markingUnknownOutcome(access) { try finishing(endpoint, again, body) }
        } catch let error as PostgresError where access == .readOnly && mayRetry && error.connectionLost && !error.isTimeout {
            // Reads only: running them again cannot change anything. The time left is measured again.
            let fresh = try ready(endpoint, try limits(deadline))
            return try finishing(endpoint, fresh, body)
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
    private func adoptPoolerFinding(_ endpoint: SessionEndpoint, _ connection: PostgresConnection) {
        guard connection.unnamedStatements, !connection.configuration.pooled, !endpoint.unnamedStatements else { return }
        endpoint.unnamedStatements = true
        guard !warnedAboutPooler else { return }
        warnedAboutPooler = true
        warnings.append(
            "a named prepared statement was missing on the server session or already there (SQLSTATE 26000 or 42P05): "
                + "a transaction-pooling proxy is in the way; set DATABASE_POOLED=true. This process now uses unnamed statements.")
    }

    /// An open connection with this try's bounds applied.
    private func ready(_ endpoint: SessionEndpoint, _ limits: Limits) throws(PostgresError) -> PostgresConnection {
        var connection: PostgresConnection
        if let current = endpoint.connection, !current.checkClosedByServer() {
            connection = current
        } else {
            connection = try connect(endpoint, deadline: limits.clientDeadline)
        }
        connection.deadline = limits.clientDeadline
        do {
            try applyTimeout(connection, limits)
        } catch where error.connectionLost && !error.isTimeout {
            // Setting a timeout is safe to repeat.
            connection = try connect(endpoint, deadline: limits.clientDeadline)
            try applyTimeout(connection, limits)
        }
        // On whichever connection opens first: a function that only reads may never open the
        // writer's, and a reader holds the same schema.
        if let migrator = pendingSchemaCheck {
            try migrator.checkSchema(connection)
            pendingSchemaCheck = nil
        }
        connection.mayHaveCommitted = false
        return connection
    }

    /// Opens a new connection; once more with the secret read again when the password was refused.
    private func connect(_ endpoint: SessionEndpoint, deadline: Instant?) throws(PostgresError) -> PostgresConnection {
        do {
            return try endpoint.connect(deadline: deadline)
        } catch where error.sqlState == "28P01" {
            guard let refreshed = try settings?.withRefreshedSecret() else { throw error }
            settings = refreshed
            writer.configuration = refreshed.writer
            if let reader, let configuration = refreshed.reader { reader.configuration = configuration }
            return try endpoint.connect(deadline: deadline)
        }
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

    /// Runs the body and makes sure no transaction is left open whatever it did; a
    /// connection that must not be used again is dropped.
    private func finishing<T>(
        _ endpoint: SessionEndpoint, _ connection: PostgresConnection, _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        defer {
            connection.rollbackIfNeeded()
            adoptPoolerFinding(endpoint, connection)
        }
        do {
            return try body(connection)
        } catch let error as PostgresError where error.requiresReconnect {
            endpoint.close()
            throw error
        }
    }
}
