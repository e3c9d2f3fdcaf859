/// A position in the writer's write-ahead log (`pg_lsn`), as the consistency token a write's
/// answer carries and a later read presents: `XXXXXXXX/XXXXXXXX`, hexadecimal.
public struct WALPosition: Sendable, Hashable, CustomStringConvertible {
    /// The 64-bit position.
    public let value: UInt64

    public init(value: UInt64) {
        self.value = value
    }

    /// Parses `pg_lsn` text (1 to 8 hex digits, `/`, 1 to 8 hex digits); nil for anything else.
    public init?(_ text: some StringProtocol) {
        // Cheap bound first: at most 17 characters.
        guard text.utf8.count <= 17 else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...8).contains(parts[0].count), (1...8).contains(parts[1].count),
              let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") } })
        else { return nil }
        value = high << 32 | low
    }

    /// The `pg_lsn` text form PostgreSQL prints.
    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }
}
