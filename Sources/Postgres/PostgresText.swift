import UTCTime

/// Parsers for PostgreSQL's text output formats.
enum PostgresText {
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]`, DateStyle ISO's timestamptz output.
    static func timestamptz(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard b.count >= 22, b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let date = CalendarDate(String(decoding: UnsafeBufferPointer(rebasing: b[0..<10]), as: UTF8.self)),
              let hour = fixed(b, 11, 2), hour < 24, let minute = fixed(b, 14, 2), minute < 60,
              let second = fixed(b, 17, 2), second < 60 else { return nil }
        var index = 19
        var micros: Int64 = 0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") {
                guard digits < 6 else { return nil }
                micros = micros * 10 + Int64(b[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<6 { micros *= 10 }
        }
        guard index < b.count, b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") else { return nil }
        let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
        index += 1
        guard let offsetHours = fixed(b, index, 2) else { return nil }
        index += 2
        var offset = offsetHours * 3600
        // Minutes and seconds appear only when non-zero (historical zones have them).
        for scale in [60, 1] where index < b.count {
            guard b[index] == UInt8(ascii: ":"), let part = fixed(b, index + 1, 2) else { return nil }
            offset += part * scale
            index += 3
        }
        guard index == b.count else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(microsecondsSinceEpoch: (local - Int64(sign * offset)) * 1_000_000 + micros)
    }

    private static func fixed(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> Int? {
        guard start + width <= b.count else { return nil }
        var value = 0
        for byte in b[start..<(start + width)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
