import Foundation

/// Work on a thread of its own. libpq calls block, so work that must run at the same time as
/// a test's own blocking calls (a second migrator, a backend killer) cannot share Swift's
/// small cooperative pool with it.
public final class BackgroundThread<T: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    // Written once by the thread before `finished` is signalled; read only after waiting.
    private var result: Result<T, any Error>?

    public init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try body() }
            finished.signal()
        }
        thread.start()
    }

    /// Blocks until the work ends; its value or its error.
    public func wait() throws -> T {
        finished.wait()
        finished.signal()
        return try result!.get()
    }
}
