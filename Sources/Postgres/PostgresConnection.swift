import CLibPQ
public import UTCTime
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection. Not thread-safe: one owner uses it at a time.
///
/// Statements are parameterised and go out asynchronously (`PQsendQueryParams` /
/// `PQsendQueryPrepared`, parameters in text format); the answer is awaited with `poll` on
/// the socket until `deadline`, after which the server is asked to cancel and the connection
/// is dropped. Results come back in text format and decode through `PostgresDecodable`.
/// With `configuration.pooled` (or once `unnamedStatements` is set because a pooler turned
/// out to be in the way), every statement is unnamed, so a pooling proxy can hand the next
/// transaction to another backend.
public final class PostgresConnection {
    public let configuration: PostgresConfiguration
    /// Prepared statements run unnamed and the timeout is `SET LOCAL` (the pooled path): set
    /// from `configuration.pooled`, or later when a named statement is found missing (26000)
    /// or already there (42P05), which only a pooler sharing server sessions causes.
    public var unnamedStatements: Bool
    /// Whether anything may have committed since this was last reset to false: a statement
    /// that completed outside a transaction, or a COMMIT. A failure that leaves it false
    /// changed nothing, so the work is safe to run again.
    public var mayHaveCommitted = false
    /// When set, a connect or statement still waiting at this instant is abandoned: the server
    /// is asked to cancel, the connection is closed, and the call throws `unavailable` (57014).
    public var deadline: Instant?
    /// With a value, every transaction starts with `SET LOCAL statement_timeout` (the
    /// server-side bound on a pooled connection, where a session-level SET is not allowed).
    public var localStatementTimeoutMilliseconds: Int?
    private var handle: OpaquePointer?
    /// Names prepared on the current server session; emptied on reconnect.
    private var preparedNames: Set<String> = []
    /// The statement_timeout this object last set (nil: the server's default).
    public private(set) var statementTimeoutMilliseconds: Int?

    /// Connects at once (bounded by `deadline` when given).
    public init(configuration: PostgresConfiguration, deadline: Instant? = nil) throws(PostgresError) {
        self.configuration = configuration
        self.unnamedStatements = configuration.pooled
        self.deadline = deadline
        try connect()
    }

    /// Finishes a connect begun earlier with the same configuration (bounded by `deadline`).
    init(configuration: PostgresConfiguration, deadline: Instant?, resuming pending: PendingConnect) throws(PostgresError) {
        self.configuration = configuration
        self.unnamedStatements = configuration.pooled
        self.deadline = deadline
        try connect(resuming: pending)
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Whether libpq still considers the connection open (it may since have been closed by
    /// the server without libpq noticing; see `checkClosedByServer`).
    public var isOpen: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// The server process id, for `pg_terminate_backend` and `pg_stat_activity`.
    public var backendPID: Int {
        handle.map { Int(PQbackendPID($0)) } ?? 0
    }

    /// Whether a transaction is open (or failed and not yet rolled back).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    var isInFailedTransaction: Bool {
        handle.map { PQtransactionStatus($0) == PQTRANS_INERROR } ?? false
    }

    /// Closes any current connection and opens a new one.
    public func reconnect() throws(PostgresError) {
        try connect()
    }

    /// Runs one parameterised statement (unnamed: nothing stays behind on the server).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws(PostgresError) -> PostgresRows {
        let connection = try openHandle()
        return try PostgresConnection.withCParameters(parameters) { count, values throws(PostgresError) in
            try run(connection) { PQsendQueryParams(connection, sql, count, nil, values, nil, nil, 0) }
        }
    }

    /// Runs a prepared statement, preparing it first if this server session has not seen it.
    /// With `unnamedStatements` it runs unnamed, as `execute(sql)` does.
    ///
    /// A pooler between this connection and the server (one not configured as pooled) shows
    /// as a name missing on the backend (26000) or already there (42P05): the connection
    /// switches to unnamed statements for good. Outside a transaction the failed statement did
    /// nothing, so it runs again at once, unnamed; inside one the transaction is aborted, and
    /// the error (`isStatementNameMismatch`) goes up for the session to run the unit again.
    @discardableResult
    public func execute(_ statement: PreparedStatement, _ parameters: [any PostgresEncodable] = []) throws(PostgresError) -> PostgresRows {
        if unnamedStatements { return try execute(statement.sql, parameters) }
        let connection = try openHandle()
        do {
            if !preparedNames.contains(statement.name) {
                _ = try run(connection) { PQsendPrepare(connection, statement.name, statement.sql, 0, nil) }
                preparedNames.insert(statement.name)
            }
            return try PostgresConnection.withCParameters(parameters) { count, values throws(PostgresError) in
                try run(connection) { PQsendQueryPrepared(connection, statement.name, count, values, nil, nil, 0) }
            }
        } catch where error.isStatementNameMismatch && !error.connectionLost {
            unnamedStatements = true
            preparedNames = []
            guard !isInTransaction else { throw error }
            return try execute(statement.sql, parameters)
        }
    }

    /// Runs fixed SQL that may hold several statements (simple query protocol, no parameters).
    /// For migrations and test set-up only: never pass text built from input.
    public func executeScript(_ sql: String) throws(PostgresError) {
        let connection = try openHandle()
        _ = try run(connection) { PQsendQuery(connection, sql) }
    }

    /// Sets statement_timeout for the session, skipping the round trip when it is unchanged.
    /// Call it outside a transaction: a rollback would undo it. Never on a pooled connection.
    public func setStatementTimeout(milliseconds: Int) throws(PostgresError) {
        guard milliseconds != statementTimeoutMilliseconds else { return }
        try execute("SELECT set_config('statement_timeout', $1, false)", [String(milliseconds) + "ms"])
        statementTimeoutMilliseconds = milliseconds
    }

    /// Notices a close by the server while the connection sat idle (failover, idle timeout,
    /// pg_terminate_backend): the server's goodbye and EOF are already in the socket, so a
    /// non-blocking poll finds them without sending anything. Returns true when the
    /// connection is gone or going: nothing was sent on it, so any statement is safe to run
    /// on a new one.
    public func checkClosedByServer() -> Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return true }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        // An idle session is sent nothing unasked (this code never LISTENs): whatever is
        // there is the server's goodbye. Read it so libpq sees the EOF, then report it gone
        // even if the EOF itself is still on its way.
        for _ in 0..<4 where PQconsumeInput(handle) != 0 {
            guard poll(&descriptor, 1, 0) > 0 else { break }
        }
        return true
    }

    /// Closes the connection; the next statement fails until `reconnect`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        preparedNames = []
        statementTimeoutMilliseconds = nil
    }

    // MARK: - Internals

    /// Starts a connect with libpq (`PQconnectStartParams`), nil when libpq has no memory.
    static func start(_ configuration: PostgresConfiguration) -> OpaquePointer? {
        TLSLibraryStart.startUnlessDisabled(by: configuration)
        let pairs = configuration.parameters
        let connection = PostgresConnection.withCStrings(pairs.map(\.key)) { keys in
            PostgresConnection.withCStrings(pairs.map(\.value)) { values in
                // expand_dbname = 1: a dbname holding a URI or key=value string expands in place.
                PQconnectStartParams(keys, values, 1)
            }
        }
        // Verbose errors carry the SQLSTATE ("FATAL:  28P01: ..."), which a failed connect
        // has no other way to report.
        if let connection { PQsetErrorVerbosity(connection, PQERRORS_VERBOSE) }
        return connection
    }

    private func connect(resuming pending: PendingConnect? = nil) throws(PostgresError) {
        close()
        let begun = pending?.take()
        guard let connection = begun?.0 ?? PostgresConnection.start(configuration) else {
            throw PostgresError(code: .unavailable, message: "libpq could not allocate a connection")
        }
        let timeoutSeconds = configuration.value(of: "connect_timeout").flatMap { Int($0) } ?? 5
        let limit = Instant.now().adding(microseconds: Int64(timeoutSeconds) * 1_000_000)
        let connectLimit = deadline.map { min($0, limit) } ?? limit
        do {
            try PostgresConnection.awaitConnect(connection, until: connectLimit, from: begun?.1 ?? PGRES_POLLING_WRITING)
        } catch {
            PQfinish(connection)
            // libpq quotes a connection string it cannot read, or the piece it choked on.
            throw error.redacted(by: SecretRedaction(configuration: configuration))
        }
        PQsetErrorVerbosity(connection, PQERRORS_DEFAULT)
        // Notices (such as "relation already exists, skipping") are not for the function's log.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        // Sends never block: a full socket buffer is waited for with poll, within the deadline.
        PQsetnonblocking(connection, 1)
        handle = connection
        try ensureSessionFormats(connection)
    }

    /// Dates and instants are read in ISO form and days are UTC days in SQL too. The server
    /// reports both settings at connect, so this costs a round trip only when they differ
    /// (PgBouncer and RDS Proxy carry both settings across pooled backends).
    private func ensureSessionFormats(_ connection: OpaquePointer) throws(PostgresError) {
        let dateStyle = PQparameterStatus(connection, "DateStyle").map { String(cString: $0) } ?? ""
        let timeZone = PQparameterStatus(connection, "TimeZone").map { String(cString: $0) } ?? ""
        guard !dateStyle.hasPrefix("ISO") || (timeZone != "UTC" && timeZone != "Etc/UTC") else { return }
        try executeScript("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'")
    }

    func openHandle() throws(PostgresError) -> OpaquePointer {
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(code: .unavailable, message: "the connection is closed", connectionLost: true)
        }
        return handle
    }

    /// Sends with `send`, waits for every result within the deadline, and returns the last
    /// one; the first error, if any, is thrown once all results are read.
    private func run(_ connection: OpaquePointer, _ send: () -> Int32) throws(PostgresError) -> PostgresRows {
        let statusBefore = PQtransactionStatus(connection)
        guard send() == 1 else {
            throw PostgresError(code: .unavailable, message: PostgresConnection.errorMessage(connection), connectionLost: !isOpen)
        }
        var kept: OpaquePointer?
        var failure: (state: String?, constraint: String?, message: String)?
        while true {
            do {
                try awaitResult(connection)
            } catch {
                if let kept { PQclear(kept) }
                throw error
            }
            guard let result = PQgetResult(connection) else { break }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                if let kept { PQclear(kept) }
                kept = result
            default:
                if failure == nil {
                    failure = (
                        PostgresConnection.field(result, "C"), PostgresConnection.field(result, "n"),
                        PostgresConnection.field(result, "M")
                            ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines()
                    )
                }
                PQclear(result)
            }
        }
        if let failure {
            if let kept { PQclear(kept) }
            let lost = !isOpen
            let code: PostgresError.Code = lost ? .unavailable : failure.state.map(PostgresError.code(forSQLState:)) ?? .other
            throw PostgresError(
                code: code, message: failure.message, sqlState: failure.state, constraint: failure.constraint, connectionLost: lost
            )
        }
        guard let kept else {
            throw PostgresError(code: .unavailable, message: PostgresConnection.errorMessage(connection), connectionLost: !isOpen)
        }
        // Completed outside a transaction, or ended one other than by a rollback.
        if PQtransactionStatus(connection) == PQTRANS_IDLE
            && (statusBefore == PQTRANS_IDLE || String(cString: PQcmdStatus(kept)) != "ROLLBACK") {
            mayHaveCommitted = true
        }
        return PostgresRows(result: kept)
    }

    /// Flushes what is queued and waits until a result can be read without blocking. A
    /// broken connection returns at once (PQgetResult then reports it); the deadline cancels.
    private func awaitResult(_ connection: OpaquePointer) throws(PostgresError) {
        while true {
            let flushed = PQflush(connection)
            if flushed < 0 { return }
            if flushed == 0 && PQisBusy(connection) == 0 { return }
            let events = Int16(POLLIN) | (flushed == 1 ? Int16(POLLOUT) : 0)
            switch PostgresConnection.wait(PQsocket(connection), events: events, until: deadline) {
            case .ready:
                if PQconsumeInput(connection) == 0 { return }
            case .timedOut:
                abandon(connection)
                throw PostgresError(
                    code: .unavailable, message: "the database did not answer before the deadline; the statement was cancelled",
                    sqlState: "57014", connectionLost: true
                )
            case .failed:
                return
            }
        }
    }

    /// Out of time: ask the server to cancel (on a thread of its own, since PQcancel blocks
    /// and a stalled peer may never answer it) and drop the connection, whose state is unknown.
    private func abandon(_ connection: OpaquePointer) {
        if let cancel = PQgetCancel(connection) { CancelRequest.send(cancel) }
        close()
    }

    /// Drives an asynchronous connect to the end, or throws when `limit` passes first.
    private static func awaitConnect(
        _ connection: OpaquePointer, until limit: Instant, from start: PostgresPollingStatusType
    ) throws(PostgresError) {
        guard PQstatus(connection) != CONNECTION_BAD else {
            throw connectFailure(connection)
        }
        var state = start
        while true {
            switch state {
            case PGRES_POLLING_OK:
                return
            case PGRES_POLLING_FAILED:
                throw connectFailure(connection)
            default:
                let events = Int16(state == PGRES_POLLING_READING ? POLLIN : POLLOUT)
                if case .timedOut = wait(PQsocket(connection), events: events, until: limit) {
                    throw PostgresError(
                        code: .unavailable, message: "cannot connect: no answer before the deadline or connect_timeout",
                        sqlState: "08001", connectionLost: true
                    )
                }
                state = PQconnectPoll(connection)
            }
        }
    }

    private static func connectFailure(_ connection: OpaquePointer) -> PostgresError {
        let message = errorMessage(connection)
        let state = sqlState(inVerboseMessage: message) ?? "08001"
        // Refused credentials (class 28) are configuration, not an outage: retrying cannot help
        // (PostgresSession reads a rotated secret again before it lets this through).
        return PostgresError(
            code: state.hasPrefix("28") ? .configuration : .unavailable, message: "cannot connect: " + message,
            sqlState: state, connectionLost: true
        )
    }

    /// The SQLSTATE in a verbose server message ("FATAL:  28P01: password authentication failed").
    static func sqlState(inVerboseMessage message: String) -> String? {
        for marker in ["FATAL:  ", "ERROR:  "] {
            guard let range = message.firstRange(of: marker) else { continue }
            let code = message[range.upperBound...].prefix(6)
            guard code.count == 6, code.last == ":" else { continue }
            let state = code.dropLast()
            guard state.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { continue }
            return String(state)
        }
        return nil
    }

    private enum WaitOutcome { case ready, timedOut, failed }

    /// Polls `socket` for `events` until `limit` (nil: no limit).
    private static func wait(_ socket: Int32, events: Int16, until limit: Instant?) -> WaitOutcome {
        guard socket >= 0 else { return .failed }
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        while true {
            var timeout: Int32 = -1
            if let limit {
                let left = limit.microsecondsSinceEpoch - Instant.now().microsecondsSinceEpoch
                guard left > 0 else { return .timedOut }
                timeout = Int32(clamping: (left + 999) / 1000)
            }
            let count = poll(&descriptor, 1, timeout)
            if count > 0 { return .ready }
            if count == 0 { continue }  // the loop re-checks the time left
            if errno != EINTR { return .failed }
        }
    }

    private static func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
    }

    private static func errorMessage(_ connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines()
    }

    /// Calls `body` with NUL-terminated copies of `strings` and a NULL-terminated pointer array.
    private static func withCStrings<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R
    ) -> R {
        var buffer: [CChar] = []
        var offsets: [Int] = []
        for string in strings {
            offsets.append(buffer.count)
            buffer.append(contentsOf: string.utf8CString)
        }
        return buffer.withUnsafeBufferPointer { base in
            var pointers: [UnsafePointer<CChar>?] = offsets.map { base.baseAddress! + $0 }
            pointers.append(nil)
            return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
        }
    }

    /// Parameters as libpq wants them: text values, nil for NULL.
    private static func withCParameters<R>(
        _ parameters: [any PostgresEncodable],
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) throws(PostgresError) -> R
    ) throws(PostgresError) -> R {
        var buffer: [CChar] = []
        var offsets: [Int?] = []
        for (index, parameter) in parameters.enumerated() {
            guard let text = parameter.postgresText else { offsets.append(nil); continue }
            // Text cannot carry NUL, and libpq would cut the value at it.
            guard !text.utf8.contains(0) else {
                throw PostgresError(code: .invalid, message: "parameter \(index + 1) contains a NUL character", sqlState: "22021")
            }
            offsets.append(buffer.count)
            buffer.append(contentsOf: text.utf8CString)
        }
        let result: Result<R, PostgresError> = buffer.withUnsafeBufferPointer { base in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { base.baseAddress! + $0 } }
            return pointers.withUnsafeBufferPointer { pointers in
                Result { () throws(PostgresError) -> R in try body(Int32(parameters.count), pointers.baseAddress) }
            }
        }
        return try result.get()
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self[...]
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
