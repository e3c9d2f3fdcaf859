extension Rational {
    /// Rounds half away from zero to one decimal (§6.3), the only rounding the score does.
    /// Nil when the result does not fit an `Int` count of tenths.
    func roundedToTenths() -> RoundedDecimal? {
        let scaled = numerator * BigInt(10)
        guard let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator) else { return nil }
        var tenths = quotient
        // Exactly half or more of the last unit goes away from zero.
        if !(remainder.magnitudeValue * BigInt(2) < denominator) {
            tenths = tenths + (numerator.isNegative ? BigInt(-1) : .one)
        }
        return tenths.intValue.map(RoundedDecimal.init(tenths:))
    }
}
