#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// One function process, from launch to exit.
struct FunctionInstance {
    let id: Int
    let function: String
    var pid: pid_t?
    var runtimeAPI: String?
    var spawnedAt: ContinuousClock.Instant?
    var firstNextAt: ContinuousClock.Instant?
    /// Parked `next` polls, oldest first: one per worker of a process with
    /// `AWS_LAMBDA_MAX_CONCURRENCY` set, else one at most.
    var waiters: [NextWaiter] = []
    /// The invocations the process is serving now.
    var currentRequestIDs: Set<String> = []
    /// Invocations handed to the process so far (its first is the cold one).
    var invocationsAssigned = 0
    var initFailure: PostedError?
    /// The invocation whose arrival started this process; it gets the init failure.
    var launchedFor: String?
    var exit: ProcessExit?
    /// SIGKILL sent (timeout, init limit, shutdown): it takes no more work.
    var killed = false
    /// SIGTERM sent: it takes no more work, but may answer what it holds.
    var terminating = false
    var invocationsServed = 0
    var connectionIDs: Set<Int> = []
    var listener: (any Channel)?
    var exitWaiters: [CheckedContinuation<Void, Never>] = []
    /// Resumed at the first `next` or at exit, whichever comes first.
    var readyWaiters: [CheckedContinuation<Void, Never>] = []

    var isServing: Bool { exit == nil && !killed && !terminating && initFailure == nil }

    var initDuration: Duration? {
        guard let spawnedAt, let firstNextAt else { return nil }
        return firstNextAt - spawnedAt
    }

    var info: InstanceInfo {
        InstanceInfo(
            id: id, function: function, pid: pid, runtimeAPI: runtimeAPI, isReady: firstNextAt != nil, exit: exit,
            invocationsServed: invocationsServed, connectionsUsed: connectionIDs.count, initDuration: initDuration
        )
    }
}
