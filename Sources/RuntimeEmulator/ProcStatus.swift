#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Readings from `/proc` about a live process.
enum ProcStatus {
    /// Peak resident set size in KiB (`VmHWM` in `/proc/PID/status`).
    static func peakResidentKilobytes(pid: pid_t) -> Int? {
        statusField("VmHWM:", pid: pid)
    }

    /// Current resident set size in KiB (`VmRSS`).
    static func residentKilobytes(pid: pid_t) -> Int? {
        statusField("VmRSS:", pid: pid)
    }

    private static func statusField(_ name: String, pid: pid_t) -> Int? {
        for line in contents(of: "/proc/\(pid)/status")?.split(separator: "\n") ?? [] where line.hasPrefix(name) {
            return Int(line.dropFirst(name.count).filter { $0.isNumber })
        }
        return nil
    }

    /// CPU time the process's main thread has used, in nanoseconds (`/proc/PID/schedstat`),
    /// exact where `/proc/PID/stat` counts 10 ms ticks.
    static func cpuNanoseconds(pid: pid_t) -> Int64? {
        contents(of: "/proc/\(pid)/schedstat")?.split(separator: " ").first.flatMap { Int64($0) }
    }

    /// CPU time all the process's live threads have used, in nanoseconds (the sum of
    /// `/proc/PID/task/*/schedstat`). A thread that has already exited is not counted.
    static func allThreadsCPUNanoseconds(pid: pid_t) -> Int64? {
        guard let directory = opendir("/proc/\(pid)/task") else { return nil }
        defer { closedir(directory) }
        var total: Int64 = 0
        var found = false
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let first = name.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
                  let nanoseconds = contents(of: "/proc/\(pid)/task/\(name)/schedstat")?.split(separator: " ").first.flatMap({ Int64($0) })
            else { continue }
            total += nanoseconds
            found = true
        }
        return found ? total : nil
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
