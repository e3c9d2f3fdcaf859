public import UTCTime

/// The process's one connection, kept across invocations.
///
/// Opens at init (`open`) or on first use; before each unit of work it notices a close by the
/// server while idle and reconnects (nothing was sent, so that is always safe); when the
/// connection breaks during a unit of work it reconnects once and runs the work again only
/// if it is read-only. Each unit of work gets a statement_timeout from the invocation's
/// remaining time less a margin for answering. Not thread-safe: one owner (the handler).
public final class PostgresSession {
    public let configuration: PostgresConfiguration
    /// Time kept back from the invocation's remaining time to build and send the answer.
    public let marginMilliseconds: Int
    /// statement_timeout is rounded down to this step so that an invocation whose deadline
    /// differs by a few milliseconds from the last one does not cost a `SET` round trip.
    public let timeoutStepMilliseconds: Int
    private var connection: PostgresConnection?
    /// Time spent in `run` (connecting and waiting on the server) since `takeDatabaseTime`.
    private var databaseTime: Duration = .zero

    public init(configuration: PostgresConfiguration, marginMilliseconds: Int = 500, timeoutStepMilliseconds: Int = 250) {
        self.configuration = configuration
        self.marginMilliseconds = marginMilliseconds
        self.timeoutStepMilliseconds = timeoutStepMilliseconds
    }

    /// Opens the connection now (at init) unless it is open.
    @discardableResult
    public func open() throws(PostgresError) -> PostgresConnection {
        if let connection, connection.isOpen { return connection }
        if let connection {
            try connection.reconnect()
            return connection
        }
        let opened = try PostgresConnection(configuration: configuration)
        connection = opened
        return opened
    }

    /// Fails, naming the missing versions, when the database is older than `migrator` needs.
    public func checkSchema(_ migrator: Migrator) throws(PostgresError) {
        try migrator.checkSchema(try open())
    }

    /// Runs `body` on the connection, bounded by the invocation's deadline.
    ///
    /// - Parameter deadline: the invocation's deadline (`LambdaContext.deadline`); nil: no
    ///   limit beyond the server's.
    @discardableResult
    public func run<T>(
        _ access: DatabaseAccess, deadline: Instant? = nil,
        _ body: (PostgresConnection) throws -> T
    ) throws -> T {
        let start = ContinuousClock.now
        defer { databaseTime += ContinuousClock.now - start }
        let remainingMilliseconds = deadline.map { Int($0.millisecondsSinceEpoch - Instant.now().millisecondsSinceEpoch) }
        let connection = try readyConnection(remainingMilliseconds: remainingMilliseconds)
        do {
            return try finishing(connection, body)
        } catch let error as PostgresError where error.connectionLost && access == .readOnly {
            // Reads only: running them again cannot change anything.
            let fresh = try reopened(remainingMilliseconds: remainingMilliseconds)
            return try finishing(fresh, body)
        }
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
        try run(readOnly ? .readOnly : .readWrite, deadline: deadline) { connection in
            try connection.transaction(readOnly: readOnly, isolation: isolation, body)
        }
    }

    /// The statement_timeout for a deadline: remaining less the margin, rounded down to the step.
    public func statementTimeout(remainingMilliseconds: Int) throws(PostgresError) -> Int {
        let available = remainingMilliseconds - marginMilliseconds
        guard available >= 50 else {
            throw PostgresError(code: .unavailable, message: "no time left for the database before the deadline", sqlState: "57014")
        }
        let stepped = available / timeoutStepMilliseconds * timeoutStepMilliseconds
        return max(stepped, min(available, timeoutStepMilliseconds))
    }

    /// Closes the connection (the next use reopens it).
    public func close() {
        connection?.close()
        connection = nil
    }

    // MARK: - Internals

    private func readyConnection(remainingMilliseconds: Int?) throws(PostgresError) -> PostgresConnection {
        let current: PostgresConnection
        if let connection {
            if connection.checkClosedByServer() { try connection.reconnect() }
            current = connection
        } else {
            current = try open()
        }
        do {
            try applyDeadline(current, remainingMilliseconds: remainingMilliseconds)
        } catch where error.connectionLost {
            // Setting a timeout is safe to repeat.
            return try reopened(remainingMilliseconds: remainingMilliseconds)
        }
        return current
    }

    private func reopened(remainingMilliseconds: Int?) throws(PostgresError) -> PostgresConnection {
        let fresh = try open()
        try applyDeadline(fresh, remainingMilliseconds: remainingMilliseconds)
        return fresh
    }

    private func applyDeadline(_ connection: PostgresConnection, remainingMilliseconds: Int?) throws(PostgresError) {
        connection.rollbackIfNeeded()
        guard let remainingMilliseconds else { return }
        try connection.setStatementTimeout(milliseconds: statementTimeout(remainingMilliseconds: remainingMilliseconds))
    }

    /// Runs the body and makes sure no transaction is left open whatever it did.
    private func finishing<T>(_ connection: PostgresConnection, _ body: (PostgresConnection) throws -> T) throws -> T {
        defer { connection.rollbackIfNeeded() }
        return try body(connection)
    }
}
