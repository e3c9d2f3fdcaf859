import FoundationEssentials

/// An inclusive plausibility range, with its bounds written as `health-score.md` §1 writes them.
struct DecimalRange: Sendable {
    let lower: Decimal
    let upper: Decimal
    let lowerText: String
    let upperText: String

    /// Every §1 bound is a whole number; `lowerText`/`upperText` keep "3.0" style spellings for messages.
    init(_ lower: Int, _ upper: Int, lowerText: String? = nil, upperText: String? = nil) {
        self.lower = Decimal(lower)
        self.upper = Decimal(upper)
        self.lowerText = lowerText ?? String(lower)
        self.upperText = upperText ?? String(upper)
    }

    func contains(_ value: Decimal) -> Bool {
        value >= lower && value <= upper
    }

    var reason: String { "must be a number between \(lowerText) and \(upperText)" }
}
