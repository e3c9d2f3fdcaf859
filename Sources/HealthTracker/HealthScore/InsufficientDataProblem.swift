public import HealthScore
import LambdaHTTP

/// The 422 problem (RFC 9457) when fewer than 3 components are present (spec §7): the
/// engine's report under the problem members.
public struct InsufficientDataProblem: Sendable, Hashable {
    // Type, title and status come from the API's own problem types (ProblemType+HealthTracker).
    public static let type = ProblemType.insufficientData.uri
    public static let title = ProblemType.insufficientData.title
    public static let status = ProblemType.insufficientData.defaultStatus

    public let report: InsufficientDataReport

    public init(_ report: InsufficientDataReport) {
        self.report = report
    }

    public var detail: String {
        "\(report.availableComponents.count) of 7 components have data; a score needs at least "
            + "\(HealthScoreEngine.minimumComponents)"
    }
}
