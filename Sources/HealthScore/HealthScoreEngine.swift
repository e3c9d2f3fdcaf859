/// The pure health-score computation of `health-score.md` (`health-score-v1.0.0`).
///
/// No I/O: the caller reads the user's records inside `ScoreWindows(asOf:)` (in one snapshot)
/// and passes them in as `ScoreInputs`. Same inputs, in any order → the same outcome, byte for byte.
public enum HealthScoreEngine {
    public static let version = "health-score-v1.0.0"
    /// Fewer present components than this → 422.
    public static let minimumComponents = 3

    public static func evaluate(_ inputs: ScoreInputs) throws(ScoreError) -> HealthScoreOutcome {
        let windows = ScoreWindows(asOf: inputs.asOf)
        let windowed = try WindowedInputs(inputs, windows: windows)
        let evaluations: [(ComponentName, ComponentEvaluation)] = ComponentName.allCases.map { name in
            switch name {
            case .activity: (name, .activity(windowed.activityDays))
            case .sleep: (name, .sleep(windowed.sleepNights))
            case .bodyMassIndex: (name, .bodyMass(readings: windowed.bioReadings, heights: windowed.heights))
            case .bloodPressure: (name, .bloodPressure(windowed.bioReadings))
            case .glucose: (name, .glucose(windowed.bloodTests))
            case .lipids: (name, .lipids(windowed.bloodTests))
            case .restingHeartRate: (name, .restingHeartRate(windowed.bioReadings))
            }
        }
        var present: [(name: ComponentName, score: Rational)] = []
        var missing: [MissingComponent] = []
        for (name, evaluation) in evaluations {
            switch evaluation {
            case .present(let score, _, _, _): present.append((name, score))
            case .missing(let reason): missing.append(MissingComponent(component: name, reason: reason))
            }
        }
        guard present.count >= minimumComponents else {
            return .insufficientData(InsufficientDataReport(
                version: version, asOf: inputs.asOf, availableComponents: present.map(\.name),
                missingComponents: missing, windows: windows
            ))
        }
        // Overall = Σ w_c·s_c / Σ w_c over present components, from unrounded sub-scores.
        let coverage = present.reduce(0) { $0 + $1.name.weight }
        let overall = present.reduce(Rational.zero) { $0 + $1.score * Rational($1.name.weight) }.divided(by: coverage)
        let score = try rounded(overall)
        var components: [ComponentReport] = []
        for (name, evaluation) in evaluations {
            switch evaluation {
            case .missing(let reason):
                components.append(ComponentReport(component: name, weight: name.weight, status: .missing(reason)))
            case .present(let componentScore, let category, let metrics, let missingMetrics):
                let weight = Rational(name.weight)
                let available = ComponentReport.Available(
                    score: try rounded(componentScore),
                    effectiveWeightPercent: try rounded((weight * Rational(100)).divided(by: coverage)),
                    contribution: try rounded((componentScore * weight).divided(by: coverage)),
                    category: category,
                    metrics: try metrics.map { (m) throws(ScoreError) in try report(m) },
                    missingMetrics: missingMetrics
                )
                components.append(ComponentReport(component: name, weight: name.weight, status: .available(available)))
            }
        }
        return .score(HealthScoreReport(
            userUUID: inputs.userUUID, version: version, asOf: inputs.asOf, score: score,
            band: ScoreBand(roundedScore: score), coveragePercent: coverage,
            components: components, missingComponents: missing, windows: windows
        ))
    }

    private static func report(_ metric: MetricEvaluation) throws(ScoreError) -> MetricReport {
        let detail: MetricReport.Detail
        switch metric.detail {
        case .daysWithData(let days): detail = .daysWithData(days)
        case .readingsUsed(let count): detail = .readingsUsed(count)
        case .testDate(let date): detail = .testDate(date)
        case .bodyMass(let weightKg, let heightCm, let weightRecorded, let heightRecorded):
            detail = .bodyMass(
                weightKg: try rounded(weightKg), heightCm: try rounded(heightCm),
                weightRecorded: weightRecorded, heightRecorded: heightRecorded
            )
        }
        return MetricReport(
            metric: metric.name, value: try rounded(metric.value), score: try rounded(metric.score),
            category: metric.category, weight: metric.weight, detail: detail
        )
    }

    private static func rounded(_ value: Rational) throws(ScoreError) -> RoundedDecimal {
        guard let result = value.roundedToTenths() else {
            throw ScoreError(.valueOutOfRange, "a value is too large to report")
        }
        return result
    }
}
