import CLibPQ
import UTCTime
#if canImport(Glibc)
import Glibc
#endif

/// A connect begun without waiting (`PostgresSession.startConnecting`), so that at a cold
/// start the TCP handshake, the server's fork and the first TLS exchange overlap the
/// runtime's first `/next` instead of following it. Nothing here blocks or fails: a
/// connect that cannot start is simply not kept, and the first unit connects as usual.
final class PendingConnect {
    /// Older than this, a begun connect is dropped unused: the server gives a client
    /// `authentication_timeout` (60 s by default) to finish, and provisioned concurrency may
    /// keep an initialised process waiting far longer for its first invocation.
    static let maximumAgeMicroseconds: Int64 = 10_000_000

    let startedAt: Instant
    private var handle: OpaquePointer?
    /// Where libpq's state machine stands: what it waits for next.
    private(set) var state: PostgresPollingStatusType

    /// Starts connecting and drives libpq as far as it goes without waiting; nil when libpq
    /// fails at once (a host name that does not resolve, say).
    init?(configuration: PostgresConfiguration) {
        guard let connection = PostgresConnection.start(configuration), PQstatus(connection) != CONNECTION_BAD else { return nil }
        handle = connection
        startedAt = Instant.now()
        state = PGRES_POLLING_WRITING
        while state == PGRES_POLLING_READING || state == PGRES_POLLING_WRITING {
            var descriptor = pollfd(
                fd: PQsocket(connection), events: Int16(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), revents: 0
            )
            guard poll(&descriptor, 1, 0) > 0 else { break }
            state = PQconnectPoll(connection)
        }
        if state == PGRES_POLLING_FAILED { return nil }
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// The connection and its state, once; nil when too old to use (it is then closed).
    func take() -> (OpaquePointer, PostgresPollingStatusType)? {
        guard let connection = handle else { return nil }
        handle = nil
        guard Instant.now().microsecondsSinceEpoch - startedAt.microsecondsSinceEpoch < Self.maximumAgeMicroseconds else {
            PQfinish(connection)
            return nil
        }
        return (connection, state)
    }
}
