#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `_X_AMZN_TRACE_ID`, set for each invocation without leaking.
///
/// `setenv` never frees the strings it replaces (a `getenv` result may still point at
/// them), and every trace id is new, so a warm process would grow by each invocation's
/// id forever. Instead the runtime owns one buffer, reused in place and handed to
/// `environ` with `putenv`; a `getenv` result therefore reads the current invocation's
/// value, which is what the variable means. The buffer is never freed: environ points at
/// it until the process exits. Used from the runtime's one thread.
final class TraceIDVariable {
    private static let prefix = "_X_AMZN_TRACE_ID="
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    func set(_ value: String?) {
        guard let value else {
            unsetenv("_X_AMZN_TRACE_ID")
            return
        }
        let entry = Self.prefix + value
        let needed = entry.utf8.count + 1
        if needed > capacity {
            let grown = UnsafeMutablePointer<CChar>.allocate(capacity: max(needed, 256))
            write(entry, into: grown)
            putenv(grown)
            // environ now points at the new buffer; nothing references the old one.
            buffer?.deallocate()
            buffer = grown
            capacity = max(needed, 256)
        } else if let buffer {
            write(entry, into: buffer)
            // Back into environ in case an earlier invocation had no trace id.
            putenv(buffer)
        }
    }

    private func write(_ entry: String, into destination: UnsafeMutablePointer<CChar>) {
        var index = 0
        for byte in entry.utf8 {
            destination[index] = CChar(bitPattern: byte)
            index += 1
        }
        destination[index] = 0
    }
}
