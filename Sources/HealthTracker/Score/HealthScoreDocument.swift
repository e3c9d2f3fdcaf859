public import FoundationEssentials
public import UTCTime

/// The 200 body of `GET /api/get_health_score` (spec §7), rounded for output.
public struct HealthScoreDocument: Sendable, Hashable {
    public let userUUID: UUID
    public let version: String
    public let asOf: Instant
    public let score: RoundedDecimal
    public let band: ScoreBand
    /// Σ of the present components' weights.
    public let coveragePercent: Int
    /// All seven, in spec §5 order.
    public let components: [ComponentReport]
    /// In spec §5 order.
    public let missingComponents: [MissingComponent]
    public let windows: ScoreWindows
}
