/// What the engine answers: a score, or why there is none.
public enum HealthScoreOutcome: Sendable, Hashable {
    case score(HealthScoreReport)
    case insufficientData(InsufficientDataReport)
}
