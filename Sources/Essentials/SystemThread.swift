#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread of its own, for work that blocks: a runtime worker's loop (its own curl
/// handle and handler), a handler waiting on libpq, a test's second blocking client. None of
/// it may hold one of Swift's few cooperative threads, nor one of NIO's event loops.
///
/// Joinable (`init?` and `join()`, which returns the body's value), or detached (`detach`,
/// `run`). Threads get the system's default attributes, stack size included, and a thread
/// the system cannot give is reported (nil, false), never a crash.
public final class SystemThread<Value: Sendable>: @unchecked Sendable {
    private final class Outcome {
        /// Written by the thread before it ends; read only after `pthread_join`.
        var value: Value?
    }

    private let outcome = Outcome()
    private var thread = pthread_t()
    private var joined = false

    /// Starts `body` on a new thread; nil when the system has no thread to give.
    public init?(_ body: @escaping @Sendable () -> Value) {
        let outcome = outcome
        guard startThread(&thread, detached: false, { outcome.value = body() }) else { return nil }
    }

    /// Waits for the thread to end and returns its value. One thread joins, once or more.
    public func join() -> Value {
        if !joined {
            pthread_join(thread, nil)
            joined = true
        }
        return outcome.value!
    }

    /// Starts `body` on a new thread nobody joins. False when the system has no thread to
    /// give: `body` has not run, and the caller decides whether to run it anyway.
    @discardableResult
    public static func detach(_ body: @escaping @Sendable () -> Value) -> Bool {
        var thread = pthread_t()
        return startThread(&thread, detached: true) { _ = body() }
    }

    /// Runs `body` on a new thread and returns its value, without blocking the caller's;
    /// without a thread to be had, runs it here rather than not at all.
    public static func run(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let resume: @Sendable () -> Void = { continuation.resume(returning: body()) }
            if !SystemThread<Void>.detach(resume) { resume() }
        }
    }
}

/// The body a new thread runs (not generic: a C start routine cannot name a generic type).
private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

private func startThread(_ thread: inout pthread_t, detached: Bool, _ run: @escaping () -> Void) -> Bool {
    let context = Unmanaged.passRetained(ThreadBody(run)).toOpaque()
    let result = pthread_create(&thread, nil, { context in
        Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context)
    guard result == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return false
    }
    if detached { pthread_detach(thread) }
    return true
}
