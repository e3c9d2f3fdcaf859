import CLibPQ
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
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            let cancel = OpaquePointer(argument)
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &buffer, Int32(buffer.count))
            PQfreeCancel(cancel)
            return nil
        }, UnsafeMutableRawPointer(cancel))
        if started == 0 {
            pthread_detach(thread)
        } else {
            PQfreeCancel(cancel)
        }
    }
}
