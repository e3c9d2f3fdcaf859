/// Every failure of the database layer, reduced to what a handler needs to answer.
///
/// `code` is the answer (conflict → 409, notFound → 404, invalid → 422, unavailable → 503);
/// `sqlState`, `constraint` and `message` carry the server's detail for logs and for mapping
/// a check violation back to a field (constraints are named after their field).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// A unique key exists (23505).
        case conflict
        /// A referenced row does not exist (23503).
        case notFound
        /// A CHECK or NOT NULL constraint or a data exception (23514, 23502, class 22).
        case invalid
        /// The server cannot be reached, went away, is shutting down or starting, or a
        /// statement ran out of time. The request may be retried.
        case unavailable
        /// The database schema is older than the code needs (names the missing versions).
        case schemaOutdated
        /// Configuration is missing or unusable (no DATABASE_URL, a bad secret, a bad setting).
        case configuration
        /// A column could not be read as the requested Swift type.
        case decoding
        /// The statement is wrong (syntax, unknown table or column, class 42): a bug.
        case badQuery
        /// Anything else the server reported.
        case other
    }

    public let code: Code
    /// The server's five-character SQLSTATE, when the server sent one.
    public let sqlState: String?
    /// The violated constraint's name, for integrity violations.
    public let constraint: String?
    /// The server's (or libpq's) primary message. Never holds parameter values for
    /// constraint errors; DETAIL, which can, is not kept.
    public let message: String
    /// The connection broke: the statement may or may not have run.
    public let connectionLost: Bool
    /// A unit of work that may write failed after sending something, so whether it took
    /// effect is not known (set by `PostgresSession`).
    public internal(set) var outcomeUnknown = false

    public init(
        code: Code, message: String, sqlState: String? = nil, constraint: String? = nil,
        connectionLost: Bool = false
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.constraint = constraint
        // The server ends the session after these (shutdown, crash recovery, cannot connect now).
        self.connectionLost = connectionLost || sqlState.map(PostgresError.endsSession) ?? false
    }

    /// The HTTP status a handler answers with.
    public var httpStatus: Int {
        switch code {
        case .conflict: 409
        case .notFound: 404
        case .invalid: 422
        case .unavailable: 503
        case .schemaOutdated, .configuration, .decoding, .badQuery, .other: 500
        }
    }

    /// Whether the same request may succeed later.
    public var isRetryable: Bool { code == .unavailable }

    /// A statement_timeout or a cancel (57014).
    public var isTimeout: Bool { sqlState == "57014" }

    /// The connection must not be used again: it broke, or it reaches a server that can no
    /// longer write (25006: a former writer after a failover, or a reader behind the writer's name).
    public var requiresReconnect: Bool { connectionLost || sqlState == "25006" }

    /// A named prepared statement is missing on the server session (26000) or already there
    /// (42P05): a pooler shares server sessions between clients.
    public var isStatementNameMismatch: Bool { sqlState == "26000" || sqlState == "42P05" }

    /// Whether the server closes the session after reporting this state.
    static func endsSession(_ state: String) -> Bool {
        state == "57P01" || state == "57P02" || state == "57P03" || state.hasPrefix("08")
    }

    /// The same error with its message passed through `redaction`.
    public func redacted(by redaction: SecretRedaction) -> PostgresError {
        var copy = PostgresError(
            code: code, message: redaction.redact(message), sqlState: sqlState, constraint: constraint, connectionLost: connectionLost
        )
        copy.outcomeUnknown = outcomeUnknown
        return copy
    }

    public var description: String {
        var text = "\(code)"
        if let sqlState { text += " [\(sqlState)]" }
        if let constraint { text += " constraint \(constraint)" }
        return text + ": " + message
    }

    /// The code for a server SQLSTATE.
    public static func code(forSQLState state: String) -> Code {
        switch state {
        case "23505": return .conflict
        case "23503": return .notFound
        case "23514", "23502": return .invalid
        // query_canceled (statement_timeout), admin/crash shutdown, cannot_connect_now,
        // too_many_connections, serialization failure, deadlock, lock timeout.
        // read_only_sql_transaction (25006): connected to a server that is no longer the writer.
        case "57014", "57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03", "25006": return .unavailable
        default: break
        }
        switch state.prefix(2) {
        case "08": return .unavailable  // connection exception
        case "22": return .invalid  // data exception: a value the column cannot hold
        case "42": return .badQuery
        default: return .other
        }
    }
}
