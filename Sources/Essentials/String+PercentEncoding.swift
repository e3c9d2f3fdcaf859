extension String {
    /// The text with every byte but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`)
    /// written as `%XX` (upper-case hex): safe as one path segment or one query name or value
    /// (an instant's `:` and `+`, an ARN's `:` and `/`). `percentDecoded()` undoes it.
    package var percentEncoded: String {
        percentEncoded(lowercaseHex: false)
    }

    /// The same with the hex digits in the case asked for (a redaction masks both spellings).
    package func percentEncoded(lowercaseHex: Bool) -> String {
        let digits = lowercaseHex ? Self.lowerHexDigits : Self.upperHexDigits
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerHexDigits = Array("0123456789abcdef".utf8)
}
