public import FoundationEssentials

/// A value rounded half away from zero to one decimal, as the score document shows it.
///
/// Kept as an integer count of tenths so the text is exact: `96.25` → `96.3`, `100` → `100.0`.
public struct RoundedDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let tenths: Int

    public init(tenths: Int) {
        self.tenths = tenths
    }

    /// The same value as a `Decimal` (exact: a decimal with one fractional digit).
    public var decimal: Decimal {
        Decimal(sign: tenths < 0 ? .minus : .plus, exponent: -1, significand: Decimal(tenths.magnitude))
    }

    /// Always one fractional digit: `85.4`, `100.0`, `-0.5`.
    public var description: String {
        let whole = tenths.magnitude / 10
        let fraction = tenths.magnitude % 10
        return (tenths < 0 ? "-" : "") + String(whole) + "." + String(fraction)
    }

    public static func < (lhs: RoundedDecimal, rhs: RoundedDecimal) -> Bool {
        lhs.tenths < rhs.tenths
    }
}
