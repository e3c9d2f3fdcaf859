import LambdaHTTP
public import UTCTime

/// The 422 problem (RFC 9457) when fewer than 3 components are present (spec §7).
public struct InsufficientDataProblem: Sendable, Hashable {
    // Type, title and status come from the API's one problem table.
    public static let type = ProblemType.insufficientData.uri
    public static let title = ProblemType.insufficientData.title
    public static let status = ProblemType.insufficientData.defaultStatus

    public let version: String
    public let asOf: Instant
    /// In spec §5 order.
    public let availableComponents: [ComponentName]
    /// In spec §5 order.
    public let missingComponents: [MissingComponent]
    public let windows: ScoreWindows

    public var detail: String {
        "\(availableComponents.count) of 7 components have data; a score needs at least "
            + "\(HealthScoreEngine.minimumComponents)"
    }
}
