#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a new thread of its own and returns its value. For blocking work (a
/// handler waiting on libpq) that must not hold one of the cooperative pool's few threads
/// while other tests' work waits behind it.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let work = ThreadWork { continuation.resume(returning: body()) }
        let argument = Unmanaged.passRetained(work).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(&thread, nil, { argument in
            Unmanaged<ThreadWork>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, argument)
        if started == 0 {
            #if canImport(Glibc)
            pthread_detach(thread)
            #else
            pthread_detach(thread!)
            #endif
        } else {
            // No thread to be had: run it here rather than not at all.
            Unmanaged<ThreadWork>.fromOpaque(argument).takeRetainedValue().run()
        }
    }
}

private final class ThreadWork: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
