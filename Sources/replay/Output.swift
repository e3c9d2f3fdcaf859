#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Whole lines to standard output or error, unbuffered, from any thread.
enum Output {
    private static let lock = Mutex(())

    static func out(_ text: String) { write(1, text) }
    static func err(_ text: String) { write(2, text) }

    static var isTerminal: Bool { isatty(1) == 1 }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let count = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                offset += count
            }
        }
    }
}
