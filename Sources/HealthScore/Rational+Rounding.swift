extension Rational {
    /// Rounds half away from zero to one decimal (§6.3), the only rounding the score does.
    /// Nil when the result does not fit an `Int` count of tenths.
    func roundedToTenths() -> RoundedDecimal? {
        // Written without mutating a BigInt local: Swift 6.3.1's optimiser crashes
        // (CopyPropagation) on the mutable form in release builds.
        guard let division = (numerator * BigInt(10)).quotientAndRemainder(dividingBy: denominator) else { return nil }
        // Exactly half or more of the last unit goes away from zero.
        let roundsAway = !(division.remainder.magnitudeValue * BigInt(2) < denominator)
        let step = roundsAway ? (numerator.isNegative ? BigInt(-1) : BigInt.one) : BigInt.zero
        return (division.quotient + step).intValue.map(RoundedDecimal.init(tenths:))
    }
}
