import CLibPQ
import Essentials
#if canImport(Glibc)
import Glibc
#endif

/// Asks the server to cancel a running statement without waiting for its answer.
///
/// `PQcancel` opens a connection of its own and blocks until the server closes it; a stalled
/// server or network may never do so, and an invocation past its deadline cannot wait. So it
/// runs on a detached thread that frees the request when done. A lost cancel costs nothing
/// the deadline has not already given up: the connection it was for is closed anyway.
enum CancelRequest {
    /// Takes ownership of `cancel` (from `PQgetCancel`).
    static func send(_ cancel: OpaquePointer) {
        let request = Handle(cancel)
        let started = SystemThread.detach {
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(request.cancel, &buffer, Int32(buffer.count))
            PQfreeCancel(request.cancel)
        }
        if !started { PQfreeCancel(cancel) }
    }

    /// `PGcancel` is made for use from another thread; this one hands it over, once.
    private struct Handle: @unchecked Sendable {
        let cancel: OpaquePointer
        init(_ cancel: OpaquePointer) { self.cancel = cancel }
    }
}
