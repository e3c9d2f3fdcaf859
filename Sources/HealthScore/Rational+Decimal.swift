import FoundationEssentials

extension Rational {
    /// The exact value of a finite `Decimal`; nil for NaN.
    ///
    /// Read from the decimal's own digits (its `description` is plain positional notation),
    /// never through `Double`.
    init?(exactly decimal: Decimal) {
        guard decimal.isFinite else { return nil }
        self.init(decimalText: decimal.description)
    }

    /// Parses `-?digits[.digits][e±digits]`.
    init?(decimalText text: String) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits = BigInt.zero
        // Up to 18 digits gather in a machine word before touching `digits`.
        var chunk: UInt64 = 0
        var chunkScale = BigInt.one
        var scale = 0
        var sawDigit = false
        var afterPoint = false
        var exponent = 0
        var index = bytes.startIndex
        let ten = BigInt(10)
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                chunk = chunk * 10 + UInt64(byte - UInt8(ascii: "0"))
                chunkScale = chunkScale * ten
                if chunk >= 100_000_000_000_000_000 {
                    digits = digits * chunkScale + BigInt(magnitude: chunk)
                    chunk = 0
                    chunkScale = .one
                }
                sawDigit = true
                if afterPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !afterPoint {
                afterPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                let rest = String(decoding: bytes[bytes.index(after: index)...], as: UTF8.self)
                guard let e = Int(rest), abs(e) <= 400 else { return nil }
                exponent = e
                index = bytes.endIndex
                break
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard sawDigit else { return nil }
        digits = digits.isZero ? BigInt(magnitude: chunk) : digits * chunkScale + BigInt(magnitude: chunk)
        let power = exponent - scale
        var powerOfTen = BigInt.one
        for _ in 0..<abs(power) { powerOfTen = powerOfTen * ten }
        let signed = negative ? -digits : digits
        if power >= 0 {
            self.init(signed * powerOfTen, .one)
        } else {
            self.init(signed, powerOfTen)
        }
    }
}
