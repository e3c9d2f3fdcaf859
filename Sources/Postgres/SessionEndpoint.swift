import UTCTime

/// One server the sessions talk to (the writer or the reader): its configuration and the
/// connections open to it, idle ones kept for the next unit of work. Kept in `SessionPool`,
/// under its lock.
struct SessionEndpoint {
    /// Replaced when the secret is read again after a rotation (which drops a begun connect).
    var configuration: PostgresConfiguration {
        didSet { pending = nil }
    }
    /// Open and not in use, most recently returned last.
    var idle: [PooledConnection] = []
    /// Idle plus in use.
    var openCount = 0
    /// A connect begun ahead of need (`PostgresSession.startConnecting`), finished by the
    /// next unit that opens a connection here.
    var pending: PendingConnect?
    /// A pooler was found in the way (see `PostgresConnection.unnamedStatements`): every
    /// later connection to this server starts on the unnamed path too.
    var unnamedStatements = false

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }
}

/// A connection moving between the pool and the one worker that holds it.
struct PooledConnection: @unchecked Sendable {
    // Unchecked: the pool hands a connection to one worker at a time, and takes it back
    // under its lock before another can have it.
    let connection: PostgresConnection
}
