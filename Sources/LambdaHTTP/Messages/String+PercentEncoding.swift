extension String {
    /// The text with every byte but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`)
    /// written as `%XX` (upper-case hex): safe as one path segment or one query name or value
    /// (an instant's `:` and `+`, an ARN's `:` and `/`). `percentDecoded()` undoes it.
    package var percentEncoded: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), Self.upperHexDigits[Int(byte >> 4)], Self.upperHexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)
}
