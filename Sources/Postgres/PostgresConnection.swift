import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection. Not thread-safe: one owner uses it at a time.
///
/// Statements are parameterised (`PQexecParams` / `PQexecPrepared`, parameters in text
/// format); results come back in text format and decode through `PostgresDecodable`.
public final class PostgresConnection {
    public let configuration: PostgresConfiguration
    private var handle: OpaquePointer?
    /// Names prepared on the current server session; emptied on reconnect.
    private var preparedNames: Set<String> = []
    /// The statement_timeout this object last set (nil: the server's default).
    public private(set) var statementTimeoutMilliseconds: Int?

    /// Connects at once.
    public init(configuration: PostgresConfiguration) throws(PostgresError) {
        self.configuration = configuration
        try connect()
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

    /// Runs one parameterised statement.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws(PostgresError) -> PostgresRows {
        let connection = try openHandle()
        let result = try PostgresConnection.withCParameters(parameters) { count, values in
            PQexecParams(connection, sql, count, nil, values, nil, nil, 0)
        }
        return try rows(from: result)
    }

    /// Runs a prepared statement, preparing it first if this server session has not seen it.
    @discardableResult
    public func execute(_ statement: PreparedStatement, _ parameters: [any PostgresEncodable] = []) throws(PostgresError) -> PostgresRows {
        let connection = try openHandle()
        if !preparedNames.contains(statement.name) {
            _ = try rows(from: PQprepare(connection, statement.name, statement.sql, 0, nil))
            preparedNames.insert(statement.name)
        }
        let result = try PostgresConnection.withCParameters(parameters) { count, values in
            PQexecPrepared(connection, statement.name, count, values, nil, nil, 0)
        }
        return try rows(from: result)
    }

    /// Runs fixed SQL that may hold several statements (simple query protocol, no parameters).
    /// For migrations and test set-up only: never pass text built from input.
    public func executeScript(_ sql: String) throws(PostgresError) {
        let connection = try openHandle()
        _ = try rows(from: PQexec(connection, sql))
    }

    /// Sets statement_timeout for the session, skipping the round trip when it is unchanged.
    /// Call it outside a transaction: a rollback would undo it.
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

    private func connect() throws(PostgresError) {
        close()
        let pairs = configuration.parameters
        let connection = PostgresConnection.withCStrings(pairs.map(\.key)) { keys in
            PostgresConnection.withCStrings(pairs.map(\.value)) { values in
                // expand_dbname = 1: a dbname holding a URI or key=value string expands in place.
                PQconnectdbParams(keys, values, 1)
            }
        }
        guard let connection else {
            throw PostgresError(code: .unavailable, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgresConnection.errorMessage(connection)
            PQfinish(connection)
            throw PostgresError(code: .unavailable, message: "cannot connect: " + message, connectionLost: true)
        }
        // Notices (such as "relation already exists, skipping") are not for the function's log.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        try ensureSessionFormats(connection)
    }

    /// Dates and instants are read in ISO form and days are UTC days in SQL too. The server
    /// reports both settings at connect, so this costs a round trip only when they differ.
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

    private func rows(from result: OpaquePointer?) throws(PostgresError) -> PostgresRows {
        guard let result else {
            throw PostgresError(
                code: .unavailable, message: handle.map(PostgresConnection.errorMessage) ?? "no connection",
                connectionLost: !isOpen
            )
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PostgresRows(result: result)
        default:
            let state = PostgresConnection.field(result, "C")
            let constraint = PostgresConnection.field(result, "n")
            let message = PostgresConnection.field(result, "M")
                ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines()
            PQclear(result)
            let lost = !isOpen
            let code: PostgresError.Code = lost ? .unavailable : state.map(PostgresError.code(forSQLState:)) ?? .other
            throw PostgresError(code: code, message: message, sqlState: state, constraint: constraint, connectionLost: lost)
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
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R
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
        return buffer.withUnsafeBufferPointer { base in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { base.baseAddress! + $0 } }
            return pointers.withUnsafeBufferPointer { body(Int32(parameters.count), $0.baseAddress) }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self[...]
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
