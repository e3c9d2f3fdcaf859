#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a function binary with posix_spawn, its output on pipes, and watches it on a
/// thread of its own: output lines go to `onLine`, the exit status to `onExit`.
package enum FunctionProcess {
    package static func spawn(
        path: String, arguments: [String], environment: [String: String],
        onLine: @escaping @Sendable (FunctionOutputLine.Stream, String) -> Void,
        onExit: @escaping @Sendable (ProcessExit) -> Void
    ) throws(RuntimeEmulatorError) -> Int32 {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw spawnError("pipe", errno) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw spawnError("pipe", errno)
        }
        // Close-on-exec so no other child inherits these ends (Glibc's module lacks pipe2;
        // a child spawned in between is covered by the monitor's waitpid fallback).
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no blocked signals and SIGPIPE at its default, whatever
        // the emulator's threads (NIO ignores SIGPIPE) have set.
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw spawnError("posix_spawn \(path)", status)
        }

        let monitor = ProcessMonitor(pid: pid, stdout: outPipe[0], stderr: errPipe[0], onLine: onLine, onExit: onExit)
        DetachedThread.start { monitor.run() }
        return pid
    }

    private static func spawnError(_ what: String, _ code: Int32) -> RuntimeEmulatorError {
        RuntimeEmulatorError(code: .spawnFailed, message: "\(what): \(String(cString: strerror(code)))")
    }
}

