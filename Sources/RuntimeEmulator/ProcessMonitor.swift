#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one process's output and reaps it. Runs on its own thread; owns the fds.
final class ProcessMonitor: @unchecked Sendable {
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
