#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Essentials
import Synchronization

/// One thread that runs for the life of the process and performs jobs handed to it in turn:
/// where the emulator forks its functions, since a child's parent-death signal is tied to the
/// thread that forked it.
final class SpawnerThread: Sendable {
    static let shared = SpawnerThread()

    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let waiting = DispatchSemaphore(value: 0)

    private init() {
        let started = SystemThread.detach { [self] in
            while true {
                waiting.wait()
                let job = jobs.withLock { $0.removeFirst() }
                job()
            }
        }
        precondition(started, "no thread for the emulator's spawner")
    }

    /// Runs `body` on the spawner's thread and returns its value. The caller waits until it
    /// has run, so what `body` captures is never used by two threads at once.
    func perform<T>(_ body: @escaping () -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let job = Handoff(body)
        jobs.withLock { $0.append { job.run(); done.signal() } }
        waiting.signal()
        done.wait()
        return job.result!
    }

    /// A job and its result, handed between the caller and the spawner while the caller waits.
    private final class Handoff<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func run() { result = body() }
    }
}
