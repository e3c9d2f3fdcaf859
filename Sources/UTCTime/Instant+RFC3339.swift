extension Instant {
    /// Parses an RFC 3339 date-time that carries an offset (`Z` or `±HH:MM`).
    ///
    /// `T` may be lower case or a space (RFC 3339 §5.6 note). Fractions finer than a
    /// microsecond are accepted only when they are zeros: storing them would change the
    /// instant a client later uses as a key.
    public init?(rfc3339 text: some StringProtocol) {
        let b = Array(text.utf8)
        guard b.count >= 20, let date = CalendarDate(String(decoding: b[0..<10], as: UTF8.self)),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let hour = ASCIIDigits.value(b[11..<13]), hour < 24,
              let minute = ASCIIDigits.value(b[14..<16]), minute < 60,
              let second = ASCIIDigits.value(b[17..<19]), second < 60 else { return nil }
        var index = 19
        var micros: Int64 = 0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") { index += 1 }
            let digits = b[start..<index]
            guard !digits.isEmpty, digits.count <= 9 else { return nil }
            for (position, digit) in digits.enumerated() {
                let value = Int64(digit - UInt8(ascii: "0"))
                if position < 6 {
                    micros = micros * 10 + value
                } else if value != 0 {
                    return nil
                }
            }
            for _ in digits.count..<max(6, digits.count) { micros *= 10 }
        }
        guard index < b.count else { return nil }
        var offsetSeconds = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard b.count == index + 6, b[index + 3] == UInt8(ascii: ":"),
                  let oh = ASCIIDigits.value(b[(index + 1)..<(index + 3)]), oh < 24,
                  let om = ASCIIDigits.value(b[(index + 4)..<(index + 6)]), om < 60 else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        let localSeconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(microsecondsSinceEpoch: (localSeconds - Int64(offsetSeconds)) * 1_000_000 + micros)
    }
}
