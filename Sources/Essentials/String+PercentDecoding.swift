extension String {
    /// The text with `%XX` escapes decoded (and `+` as space when asked); nil when an
    /// escape is broken or the bytes are not UTF-8.
    package func percentDecoded(plusAsSpace: Bool = false) -> String? {
        let source = utf8
        guard source.contains(UInt8(ascii: "%")) || (plusAsSpace && source.contains(UInt8(ascii: "+"))) else {
            return self
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = source.startIndex
        while index != source.endIndex {
            let byte = source[index]
            if byte == UInt8(ascii: "%") {
                let high = source.index(after: index)
                guard high != source.endIndex else { return nil }
                let low = source.index(after: high)
                guard low != source.endIndex,
                      let h = Self.hexValue(source[high]), let l = Self.hexValue(source[low])
                else { return nil }
                bytes.append(h << 4 | l)
                index = source.index(after: low)
            } else {
                bytes.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index = source.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
