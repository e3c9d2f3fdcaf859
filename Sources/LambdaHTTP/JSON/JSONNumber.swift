public import FoundationEssentials

/// A JSON number as its exact text (RFC 8259 grammar), so that no digit a client sent is
/// lost before a rule has looked at it.
///
/// `decimalValue` is the number only where `Decimal` holds it exactly (at most 38
/// significant digits, exponent within Decimal's range); a longer number is kept, but
/// has no decimal value, and a field rule rejects it instead of rounding it.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The most significant digits `Decimal`'s 128-bit mantissa always holds.
    public static let maximumSignificantDigits = 38

    public let text: String

    /// Validated text; nil when `text` is not a JSON number.
    public init?(_ text: String) {
        guard JSONNumber.isValid(text) else { return nil }
        self.text = text
    }

    /// Text the parser has already checked against the grammar.
    init(validatedText text: String) {
        self.text = text
    }

    public init(_ value: Decimal) {
        text = value.description
    }

    public init(_ value: Int) {
        text = String(value)
    }

    public init(integerLiteral value: Int) {
        self.init(value)
    }

    public var description: String { text }

    /// Equal values are equal numbers (`1.0 == 1`); numbers Decimal cannot hold compare by text.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.decimalValue, let right = rhs.decimalValue { return left == right }
        return lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        if let value = decimalValue { hasher.combine(value) } else { hasher.combine(text) }
    }

    /// The value, when `Decimal` represents it exactly; nil when it would round.
    public var decimalValue: Decimal? {
        guard isExact else { return nil }
        return Decimal(string: text)
    }

    /// The value as an `Int` when it is integral and fits: `2.0` gives 2, `2.5` and `1e30` nil.
    ///
    /// Read from the text's parts, without building a `Decimal` (event fields such as
    /// `timeEpoch` are read on every invocation); the same answers `decimalValue` would give,
    /// so a number with more significant digits than it holds is nil here too.
    public var integerValue: Int? {
        guard let parts = Parts(text) else { return nil }
        if parts.significant == 0 { return 0 }
        // A fraction is left (the last significant digit is not zero), or the value is too large.
        guard parts.scale >= 0, parts.significant + parts.scale <= 19, var value = parts.negatedMantissa else { return nil }
        for _ in 0..<parts.scale {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = shifted
        }
        if parts.negative { return value }
        return value == Int.min ? nil : -value
    }

    /// Whether the text has at most `maximumSignificantDigits` significant digits and an
    /// exponent `Decimal` can hold. Counts digits without building the value, so a long
    /// number costs one pass over its text.
    public var isExact: Bool {
        guard let parts = Parts(text) else { return false }
        if parts.significant == 0 { return true }
        guard parts.significant <= Self.maximumSignificantDigits else { return false }
        return parts.scale >= -128 && parts.scale <= 127
    }

    /// The number as sign × mantissa × 10^scale, read in one pass over the text: the mantissa
    /// is the significant digits without leading or trailing zeros.
    private struct Parts {
        var negative = false
        /// How many significant digits the mantissa has.
        var significant = 0
        var scale = 0
        /// The mantissa, negated (so that Int.min's fits); nil past Int's range.
        var negatedMantissa: Int? = 0

        /// nil for text that is not made of a number's characters.
        init?(_ text: String) {
            var pendingZeros = 0
            var fractionDigits = 0
            var inFraction = false
            var exponent = 0
            var exponentNegative = false
            var inExponent = false
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "-"):
                    if inExponent { exponentNegative = true } else { negative = true }
                case UInt8(ascii: "+"):
                    break
                case UInt8(ascii: "."):
                    inFraction = true
                case UInt8(ascii: "e"), UInt8(ascii: "E"):
                    inExponent = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if inExponent {
                        // Saturates: anything this large is out of range anyway.
                        exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 100_000)
                        continue
                    }
                    if inFraction { fractionDigits += 1 }
                    if byte == UInt8(ascii: "0") {
                        if significant > 0 { pendingZeros += 1 }
                        continue
                    }
                    significant += pendingZeros + 1
                    negatedMantissa = negatedMantissa.flatMap { Self.appending(Int(byte - UInt8(ascii: "0")), after: pendingZeros, to: $0) }
                    pendingZeros = 0
                default:
                    return nil
                }
            }
            // Trailing zeros leave the mantissa for the scale.
            scale = (exponentNegative ? -exponent : exponent) - fractionDigits + pendingZeros
        }

        /// `mantissa` followed by `zeros` zeros and `digit`, negated; nil on overflow.
        private static func appending(_ digit: Int, after zeros: Int, to mantissa: Int) -> Int? {
            var value = mantissa
            for _ in 0...zeros {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = shifted
            }
            let (next, overflow) = value.subtractingReportingOverflow(digit)
            return overflow ? nil : next
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, nothing else.
    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            return JSONParser.scanNumber(bytes, at: &index) && index == bytes.count
        }
    }
}
