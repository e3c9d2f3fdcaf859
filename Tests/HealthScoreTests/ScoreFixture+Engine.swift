@testable import HealthScore
import ScoreTestSupport
import Testing

/// The engine tests' shortcuts: evaluate, then reach into the report (a recorded issue when
/// the part is not there).
extension ScoreFixture {
    static func evaluate(_ inputs: ScoreInputs) throws -> HealthScoreOutcome {
        try HealthScoreEngine.evaluate(inputs)
    }

    static func document(_ inputs: ScoreInputs) throws -> HealthScoreReport {
        let outcome = try evaluate(inputs)
        guard case .score(let document) = outcome else {
            Issue.record("expected a score, got \(outcome)")
            throw FixtureError.unexpectedOutcome
        }
        return document
    }

    /// The component's `available` part, or a recorded issue.
    static func available(_ document: HealthScoreReport, _ name: ComponentName) throws -> ComponentReport.Available {
        let report = try #require(document.components.first { $0.component == name })
        guard case .available(let available) = report.status else {
            Issue.record("\(name) is \(report.status)")
            throw FixtureError.unexpectedOutcome
        }
        return available
    }

    static func status(_ outcome: HealthScoreOutcome, _ name: ComponentName) -> ComponentReport.Status? {
        switch outcome {
        case .score(let document):
            return document.components.first { $0.component == name }?.status
        case .insufficientData(let problem):
            if let missing = problem.missingComponents.first(where: { $0.component == name }) {
                return .missing(missing.reason)
            }
            return nil
        }
    }

    static func metric(_ available: ComponentReport.Available, _ name: MetricName) throws -> MetricReport {
        try #require(available.metrics.first { $0.metric == name })
    }

    enum FixtureError: Error { case unexpectedOutcome }
}

/// A `Rational` from decimal text, for tests of the exact arithmetic.
func r(_ text: String) -> Rational {
    guard let value = Rational(decimalText: text) else { fatalError("bad rational \(text)") }
    return value
}

/// A rounded value from its text, such as `"85.4"`.
func rd(_ text: String) -> RoundedDecimal {
    guard let value = Rational(decimalText: text)?.roundedToTenths() else { fatalError("bad rounded \(text)") }
    return value
}
