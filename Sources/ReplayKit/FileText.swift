#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and atomic writes.
public enum FileText {
    public static func read(_ path: String) throws(ReplayError) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw ReplayError(.fileAccess, "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes += buffer[0..<count] }
            if count < buffer.count { break }
        }
        return bytes
    }

    public static func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = Glibc.read(0, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    /// Writes to a temporary file beside `path`, then renames it over `path`.
    public static func write(_ text: String, to path: String) throws(ReplayError) {
        let temporary = path + ".tmp\(getpid())"
        guard let file = fopen(temporary, "wb") else { throw ReplayError(.fileAccess, "cannot write \(path): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        fclose(file)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ReplayError(.fileAccess, "cannot write \(path)")
        }
    }

    /// Files under `path` (itself when a file) whose names end in `.json`, sorted.
    public static func jsonFiles(under path: String) throws(ReplayError) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReplayError(.fileAccess, "no such file or folder: \(path)") }
        if (info.st_mode & S_IFMT) != S_IFDIR { return [path] }
        guard let directory = opendir(path) else { throw ReplayError(.fileAccess, "cannot list \(path)") }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childInfo = stat()
            guard stat(child, &childInfo) == 0 else { continue }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR {
                found += try jsonFiles(under: child)
            } else if name.hasSuffix(".json") {
                found.append(child)
            }
        }
        return found.sorted()
    }
}
