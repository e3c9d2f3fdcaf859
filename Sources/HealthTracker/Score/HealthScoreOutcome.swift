/// What the engine answers: a score, or why there is none.
public enum HealthScoreOutcome: Sendable, Hashable {
    case score(HealthScoreDocument)
    case insufficientData(InsufficientDataProblem)

    /// 200 or 422.
    public var httpStatus: Int {
        switch self {
        case .score: 200
        case .insufficientData: InsufficientDataProblem.status
        }
    }

    /// `application/json` or `application/problem+json`.
    public var contentType: String {
        switch self {
        case .score: "application/json"
        case .insufficientData: "application/problem+json"
        }
    }
}
