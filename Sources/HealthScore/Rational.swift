/// An exact fraction, always reduced, with a positive denominator.
///
/// The score spec (§6) requires results equal to exact arithmetic on the decimal inputs:
/// `82.35` must stay 82.35 and `64 / 1.6²` must be exactly 25. Rounding happens only
/// when a value is written out (`RoundedDecimal`).
struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    let numerator: BigInt
    /// Always positive.
    let denominator: BigInt

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ value: Int) {
        numerator = BigInt(value)
        denominator = .one
    }

    /// `numerator / denominator`; nil when the denominator is zero.
    init?(_ numerator: BigInt, _ denominator: BigInt) {
        guard !denominator.isZero else { return nil }
        self.init(reducing: numerator, denominator)
    }

    /// Both integers as given, when the caller knows the denominator is non-zero.
    private init(reducing numerator: BigInt, _ denominator: BigInt) {
        var n = numerator
        var d = denominator
        if d < .zero { n = -n; d = -d }
        let g = BigInt.gcd(n, d)
        if g != .one, !g.isZero {
            n = n.quotientAndRemainder(dividingBy: g)!.quotient
            d = d.quotientAndRemainder(dividingBy: g)!.quotient
        }
        self.numerator = n
        self.denominator = d
    }

    var isZero: Bool { numerator.isZero }

    static prefix func - (value: Rational) -> Rational {
        Rational(reducing: -value.numerator, value.denominator)
    }

    static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator {
            return Rational(reducing: lhs.numerator + rhs.numerator, lhs.denominator)
        }
        return Rational(
            reducing: lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
            lhs.denominator * rhs.denominator
        )
    }

    static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + (-rhs) }

    static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(reducing: lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    /// `lhs / rhs`; nil when `rhs` is zero (no trap: callers turn it into a `ScoreError`).
    static func / (lhs: Rational, rhs: Rational) -> Rational? {
        guard !rhs.isZero else { return nil }
        return Rational(reducing: lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    /// Division by a known non-zero integer (counts, weight sums, anchor spans).
    func divided(by divisor: Int) -> Rational {
        precondition(divisor != 0, "divisor is a non-zero constant or count")
        return Rational(reducing: numerator, denominator * BigInt(divisor))
    }

    static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    static func min(_ a: Rational, _ b: Rational) -> Rational { b < a ? b : a }

    var description: String {
        denominator == .one ? numerator.decimalText : numerator.decimalText + "/" + denominator.decimalText
    }
}
