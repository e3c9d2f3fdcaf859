public import HealthScore

extension HealthScoreOutcome {
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
