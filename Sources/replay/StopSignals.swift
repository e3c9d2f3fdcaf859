#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Runs `stop` on SIGINT, SIGTERM or SIGHUP (a closed terminal), so serve can stop the
/// processes it started.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM, SIGHUP].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }
}
