import UTCTime

/// One server a `PostgresSession` talks to (the writer or the reader) and its connection.
final class SessionEndpoint {
    /// Replaced when the secret is read again after a rotation (which drops a begun connect).
    var configuration: PostgresConfiguration {
        didSet { pending = nil }
    }
    private(set) var connection: PostgresConnection?
    /// A connect begun ahead of need (`startConnecting`), finished by the next `connect`.
    private var pending: PendingConnect?
    /// A pooler was found in the way (see `PostgresConnection.unnamedStatements`): every
    /// later connection to this endpoint starts on the unnamed path too.
    var unnamedStatements = false

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }

    /// Drops any current connection and opens a new one within `deadline`, finishing the
    /// connect begun by `startConnecting` if there is one.
    func connect(deadline: Instant?) throws(PostgresError) -> PostgresConnection {
        close()
        let opened: PostgresConnection
        if let begun = pending {
            pending = nil
            opened = try PostgresConnection(configuration: configuration, deadline: deadline, resuming: begun)
        } else {
            opened = try PostgresConnection(configuration: configuration, deadline: deadline)
        }
        if unnamedStatements { opened.unnamedStatements = true }
        connection = opened
        return opened
    }

    /// Begins a connect without waiting, unless a connection or a begun connect exists.
    func startConnecting() {
        guard connection == nil, pending == nil else { return }
        pending = PendingConnect(configuration: configuration)
    }

    func close() {
        connection?.close()
        connection = nil
    }

    /// Also drops a begun connect.
    func closeAll() {
        close()
        pending = nil
    }
}
