#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a function binary with posix_spawn, its output on pipes, and watches it on a
/// thread of its own: output lines go to `onLine`, the exit status to `onExit`.
enum FunctionProcess {
    static func spawn(
        path: String, arguments: [String], environment: [String: String],
        onLine: @escaping @Sendable (FunctionOutputLine.Stream, String) -> Void,
        onExit: @escaping @Sendable (ProcessExit) -> Void
    ) throws(RuntimeEmulatorError) -> pid_t {
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

/// Reads one process's output and reaps it. Runs on its own thread; owns the fds.
private final class ProcessMonitor: @unchecked Sendable {
    private let pid: pid_t
    private var fds: [Int32]
    private var pending: [[UInt8]] = [[], []]
    private var open: [Bool] = [true, true]
    private let onLine: @Sendable (FunctionOutputLine.Stream, String) -> Void
    private let onExit: @Sendable (ProcessExit) -> Void

    init(
        pid: pid_t, stdout: Int32, stderr: Int32,
        onLine: @escaping @Sendable (FunctionOutputLine.Stream, String) -> Void,
        onExit: @escaping @Sendable (ProcessExit) -> Void
    ) {
        self.pid = pid
        self.fds = [stdout, stderr]
        self.onLine = onLine
        self.onExit = onExit
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    func run() {
        var status: Int32 = 0
        while true {
            var polls = fds.enumerated().map { index, fd in
                pollfd(fd: open[index] ? fd : -1, events: Int16(POLLIN), revents: 0)
            }
            _ = poll(&polls, nfds_t(polls.count), 100)
            drain()
            if !open[0] && !open[1] {
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                break
            }
            // A process can exit while something it started keeps its pipes open.
            if waitpid(pid, &status, WNOHANG) == pid {
                drain()
                break
            }
        }
        for index in fds.indices {
            if !pending[index].isEmpty { emit(index, pending[index]) }
            close(fds[index])
        }
        let exit: ProcessExit = (status & 0x7F) == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
        onExit(exit)
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for index in fds.indices where open[index] {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fds[index], $0.baseAddress, $0.count) }
                if count > 0 {
                    split(index, buffer[0..<count])
                    continue
                }
                if count == 0 { open[index] = false }
                else if errno == EINTR { continue }
                else if errno != EAGAIN && errno != EWOULDBLOCK { open[index] = false }
                break
            }
        }
    }

    private func split(_ index: Int, _ bytes: ArraySlice<UInt8>) {
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            emit(index, pending[index] + bytes[start..<newline])
            pending[index].removeAll(keepingCapacity: true)
            start = newline + 1
        }
        pending[index].append(contentsOf: bytes[start...])
    }

    private func emit(_ index: Int, _ line: [UInt8]) {
        onLine(index == 0 ? .stdout : .stderr, String(decoding: line, as: UTF8.self))
    }
}

/// A detached POSIX thread for blocking work (NIO's loops must never block).
enum DetachedThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    static func start(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        if result == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Box>.fromOpaque(box).release()
            body()
        }
    }
}

/// Peak resident set size of a live process, from `/proc/PID/status` (`VmHWM`).
enum ProcStatus {
    static func peakResidentKilobytes(pid: pid_t) -> Int? {
        for line in contents(of: "/proc/\(pid)/status")?.split(separator: "\n") ?? [] where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).filter { $0.isNumber })
        }
        return nil
    }

    /// CPU time the process's main thread has used, in nanoseconds (`/proc/PID/schedstat`),
    /// exact where `/proc/PID/stat` counts 10 ms ticks.
    static func cpuNanoseconds(pid: pid_t) -> Int64? {
        contents(of: "/proc/\(pid)/schedstat")?.split(separator: " ").first.flatMap { Int64($0) }
    }

    private static func contents(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
