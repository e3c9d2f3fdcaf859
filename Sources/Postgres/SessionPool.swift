#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import UTCTime

/// What the sessions of one process share (one `PostgresSession` per runtime worker): the
/// connections to the writer and the reader, at most `maximumConnections` to each, the
/// settings (read again on rotation), the reader's back-off and the pending schema check.
final class SessionPool: Sendable {
    enum Role: Sendable { case writer, reader }

    struct State {
        var settings: DatabaseSettings?
        var writer: SessionEndpoint
        var reader: SessionEndpoint?
        var readerSkippedUntil: Instant?
        /// Checked once on the first connection, writer or reader.
        var pendingSchemaCheck: Migrator?
        /// A failure on the reader that the writer may not have (a 404 from replication lag).
        var retriedOnWriter: (@Sendable (any Error) -> Bool)?
        /// Advice for the operator not yet handed to a function's log, each given once per process.
        var warnings: [String] = []

        subscript(role: Role) -> SessionEndpoint {
            get { role == .writer ? writer : reader! }
            set { if role == .writer { writer = newValue } else { reader = newValue } }
        }
    }

    /// Connections to each server at most: one per worker, since a worker holds one at a time.
    let maximumConnections: Int
    let state: PoolLock<State>

    init(writer: PostgresConfiguration, reader: PostgresConfiguration?, settings: DatabaseSettings?, maximumConnections: Int) {
        self.maximumConnections = max(1, maximumConnections)
        state = PoolLock(State(
            settings: settings, writer: SessionEndpoint(configuration: writer), reader: reader.map { SessionEndpoint(configuration: $0) }
        ))
    }

    enum Checkout {
        case idle(PooledConnection)
        /// Room for one more: the caller connects with this configuration (outside the lock),
        /// finishing the connect begun at init when there is one.
        case connect(PostgresConfiguration, begun: PendingConnect?)
    }

    /// An idle connection, or leave to open one; throws when every connection allowed is in use.
    func checkout(_ role: Role) throws(PostgresError) -> Checkout {
        let taken = state.withLock { state -> Checkout? in
            var endpoint = state[role]
            defer { state[role] = endpoint }
            if let connection = endpoint.idle.popLast() { return .idle(connection) }
            guard endpoint.openCount < maximumConnections else { return nil }
            endpoint.openCount += 1
            defer { endpoint.pending = nil }
            return .connect(endpoint.configuration, begun: endpoint.pending)
        }
        guard let taken else {
            throw PostgresError(
                code: .unavailable, message: "all \(maximumConnections) connections to the \(role) are in use", sqlState: "53300"
            )
        }
        return taken
    }

    /// A connection back for the next unit of work.
    func checkin(_ connection: PooledConnection, _ role: Role) {
        state.withLock { $0[role].idle.append(connection) }
    }

    /// A connection (or the room reserved for one by `checkout`) that will not come back.
    func forget(_ role: Role) {
        state.withLock { $0[role].openCount -= 1 }
    }

    /// Begins a connect to `role`'s server without waiting, unless one is open or begun.
    func startConnecting(_ role: Role) {
        state.withLock { state in
            guard state[role].openCount == 0, state[role].pending == nil else { return }
            state[role].pending = PendingConnect(configuration: state[role].configuration)
        }
    }

    /// Takes every idle connection, to close them outside the lock (and drops a begun
    /// connect); the next use opens new ones.
    func drainIdle() -> [PooledConnection] {
        state.withLock { state in
            state.writer.pending = nil
            state.reader?.pending = nil
            var drained = state.writer.idle
            state.writer.openCount -= state.writer.idle.count
            state.writer.idle = []
            if let reader = state.reader {
                drained += reader.idle
                state.reader!.openCount -= reader.idle.count
                state.reader!.idle = []
            }
            return drained
        }
    }

    /// Open connections to each server, idle or in use.
    var openCounts: (writer: Int, reader: Int) {
        state.withLock { ($0.writer.openCount, $0.reader?.openCount ?? 0) }
    }
}

/// A pthread mutex around the pool's state. Not `Synchronization.Mutex`: on Linux that is a
/// raw futex, which ThreadSanitizer cannot see, so every pool access would be reported as a
/// race; a pthread mutex it understands.
final class PoolLock<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
