#if canImport(Glibc)
import Glibc
#endif

/// The shared objects a running process has mapped, from `/proc/PID/maps`.
enum LoadedLibraries {
    static func paths(pid: Int32) throws(ReplayError) -> Set<String> {
        let fd = open("/proc/\(pid)/maps", O_RDONLY)
        guard fd >= 0 else { throw ReplayError(.smokeFailed, "cannot read /proc/\(pid)/maps: errno \(errno)") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw ReplayError(.smokeFailed, "reading /proc/\(pid)/maps failed: errno \(errno)") }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        var paths: Set<String> = []
        // address perms offset dev inode path: the path is the sixth field, when present.
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let path = String(fields[5]).trimmingLeadingSpaces
            if path.hasPrefix("/"), path.contains(".so") { paths.insert(path) }
        }
        return paths
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
