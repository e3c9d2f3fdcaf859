import Foundation
@testable import HealthTracker
import Testing
import UTCTime

/// Builders for score tests: decimals from text (never through Double), dates, instants.
enum ScoreFixture {
    static let user = UUID(uuidString: "9D24E790-D646-4D0D-BA50-B95153EB6EC4")!
    /// The cases' as_of: D = 2025-06-15; activity/sleep days 06-08…06-14.
    static let asOf = instant("2025-06-15T12:00:00Z")

    static func instant(_ text: String) -> Instant {
        guard let value = Instant(rfc3339: text) else { fatalError("bad instant \(text)") }
        return value
    }

    static func date(_ text: String) -> CalendarDate {
        guard let value = CalendarDate(text) else { fatalError("bad date \(text)") }
        return value
    }

    /// The 7 window days before 2025-06-15, oldest first.
    static let weekDays = (8...14).map { date(String(format: "2025-06-%02d", $0)) }

    static func evaluate(_ inputs: ScoreInputs) throws -> HealthScoreOutcome {
        try HealthScoreEngine.evaluate(inputs)
    }

    static func document(_ inputs: ScoreInputs) throws -> HealthScoreDocument {
        let outcome = try evaluate(inputs)
        guard case .score(let document) = outcome else {
            Issue.record("expected a score, got \(outcome.jsonText())")
            throw FixtureError.unexpectedOutcome
        }
        return document
    }

    /// The component's `available` part, or a recorded issue.
    static func available(_ document: HealthScoreDocument, _ name: ComponentName) throws -> ComponentReport.Available {
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

    /// Filler components so a test's component of interest is scored (≥ 3 present):
    /// BP 110/70 and resting HR 60 on 06-01 (BP and RHR both score 100).
    static let fillerReadings = [
        BioMetricRecord(recorded: instant("2025-06-01T07:00:00Z"), systolicBpMmhg: d("110"), diastolicBpMmhg: d("70"), restingHeartRateBpm: d("60")),
    ]

    /// A JSON object from a score outcome, parsed with Foundation for deep comparison.
    static func jsonObject(_ outcome: HealthScoreOutcome) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(outcome.jsonBytes()))
    }

    enum FixtureError: Error { case unexpectedOutcome }
}

/// A `Decimal` from its text: exact, unlike a floating-point literal.
func d(_ text: String) -> Decimal {
    guard let value = Decimal(string: text) else { fatalError("bad decimal \(text)") }
    return value
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
