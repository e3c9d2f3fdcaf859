public import UTCTime

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
