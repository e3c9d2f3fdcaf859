import UTCTime

/// One server a `PostgresSession` talks to (the writer or the reader) and its connection.
final class SessionEndpoint {
    /// Replaced when the secret is read again after a rotation.
    var configuration: PostgresConfiguration
    private(set) var connection: PostgresConnection?
    /// A pooler was found in the way (see `PostgresConnection.unnamedStatements`): every
    /// later connection to this endpoint starts on the unnamed path too.
    var unnamedStatements = false

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }

    /// Drops any current connection and opens a new one within `deadline`.
    func connect(deadline: Instant?) throws(PostgresError) -> PostgresConnection {
        close()
        let opened = try PostgresConnection(configuration: configuration, deadline: deadline)
        if unnamedStatements { opened.unnamedStatements = true }
        connection = opened
        return opened
    }

    func close() {
        connection?.close()
        connection = nil
    }
}
