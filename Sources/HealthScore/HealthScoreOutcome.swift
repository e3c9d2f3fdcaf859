public import FoundationEssentials
public import UTCTime

/// A health score (spec §7), rounded for output: what the 200 body of
/// `GET /api/get_health_score` shows.
public struct HealthScoreReport: Sendable, Hashable {
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

/// Why there is no score: fewer than `HealthScoreEngine.minimumComponents` components are
/// present (spec §7).
public struct InsufficientDataReport: Sendable, Hashable {
    public let version: String
    public let asOf: Instant
    /// In spec §5 order.
    public let availableComponents: [ComponentName]
    /// In spec §5 order.
    public let missingComponents: [MissingComponent]
    public let windows: ScoreWindows
}

/// What the engine answers: a score, or why there is none.
public enum HealthScoreOutcome: Sendable, Hashable {
    case score(HealthScoreReport)
    case insufficientData(InsufficientDataReport)
}
