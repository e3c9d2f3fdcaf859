/// LE8 bands, taken from the rounded score (spec §5, §6.4).
public enum ScoreBand: String, Sendable, Hashable {
    case high
    case moderate
    case low

    public init(roundedScore: RoundedDecimal) {
        if roundedScore.tenths >= 800 {
            self = .high
        } else if roundedScore.tenths >= 500 {
            self = .moderate
        } else {
            self = .low
        }
    }
}
