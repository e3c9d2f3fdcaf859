#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CProcessSpawn
import Essentials

/// Starts a function binary (`cprocess_spawn`: it inherits no descriptor but its output pipes,
/// and is killed when the emulator's process dies, even by SIGKILL), its output on pipes, and
/// watches it on a thread of its own: output lines go to `onLine`, the exit status to `onExit`.
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

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        // On the spawner's thread, which lives as long as the process: the child's parent-death
        // signal fires when the thread that forked it exits, and a pool thread may exit when idle.
        let (status, pid) = SpawnerThread.shared.perform { () -> (Int32, pid_t) in
            var pid: pid_t = 0
            let status = argv.withUnsafeBufferPointer { argv in
                envp.withUnsafeBufferPointer { envp in
                    cprocess_spawn(path, argv.baseAddress, envp.baseAddress, outPipe[1], errPipe[1], &pid)
                }
            }
            return (status, pid)
        }
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw spawnError("spawn \(path)", status)
        }

        let monitor = ProcessMonitor(pid: pid, stdout: outPipe[0], stderr: errPipe[0], onLine: onLine, onExit: onExit)
        // Without a thread, reaping here is still better than never.
        if !SystemThread.detach({ monitor.run() }) { monitor.run() }
        return pid
    }

    private static func spawnError(_ what: String, _ code: Int32) -> RuntimeEmulatorError {
        RuntimeEmulatorError(code: .spawnFailed, message: "\(what): \(String(cString: strerror(code)))")
    }
}

