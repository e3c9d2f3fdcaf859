extension ComponentEvaluation {
    /// `sleep` (spec §3, §5): mean hours 80, mean efficiency 20; needs the hours.
    static func sleep(_ nights: [SleepNightInput]) -> ComponentEvaluation {
        var asleepMinutes: [Rational] = []
        var efficiencies: [Rational] = []
        for night in nights {
            guard let (asleep, assumed) = asleep(night) else { continue }
            asleepMinutes.append(asleep)
            if let efficiency = night.efficiency {
                efficiencies.append(efficiency)
            } else if let timeInBed = night.timeInBed, !assumed, let ratio = asleep / timeInBed {
                efficiencies.append(ratio * Rational(100))
            }
        }
        guard asleepMinutes.count >= minimumDays else {
            return .missing(asleepMinutes.isEmpty ? .noDataInWindow : .tooFewDays)
        }
        let total = asleepMinutes.reduce(Rational.zero, +)
        var metrics = [MetricEvaluation(
            .meanSleepHours, value: total.divided(by: asleepMinutes.count * 60),
            weight: 80, detail: .daysWithData(asleepMinutes.count)
        )]
        var missing: [MissingMetric] = []
        if efficiencies.isEmpty {
            missing.append(missingDays(.meanSleepEfficiencyPercent, 0))
        } else {
            metrics.append(MetricEvaluation(
                .meanSleepEfficiencyPercent,
                value: efficiencies.reduce(Rational.zero, +).divided(by: efficiencies.count),
                weight: 20, detail: .daysWithData(efficiencies.count)
            ))
        }
        return .present(score: weightedMean(metrics), category: nil, metrics: metrics, missingMetrics: missing)
    }

    /// A night's asleep minutes, first of: `total_sleep_minutes`; deep + rem + light (all
    /// three); TIB − awake; TIB (assumed). Nil when none applies (no times, no total: a
    /// record write-time validation rejects).
    static func asleep(_ night: SleepNightInput) -> (minutes: Rational, assumed: Bool)? {
        if let total = night.total { return (total, false) }
        if let deep = night.deep, let rem = night.rem, let light = night.light { return (deep + rem + light, false) }
        guard let timeInBed = night.timeInBed else { return nil }
        if let awake = night.awake { return (timeInBed - awake, false) }
        return (timeInBed, true)
    }
}
