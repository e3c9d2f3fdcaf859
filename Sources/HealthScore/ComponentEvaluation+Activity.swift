extension ComponentEvaluation {
    /// Days needed for a 7-day mean (activity and sleep).
    static let minimumDays = 4

    /// `activity` (spec §3, §5): weekly MVPA 70, mean daily steps 30.
    ///
    /// Spec gap: "too_few_days (activity data on 1–3 days)". Read per metric: the component
    /// is missing when both metrics have < 4 days; the reason is `too_few_days` if either
    /// has any day, else `no_data_in_window` (a day holding only unscored fields such as
    /// calories is no activity data).
    static func activity(_ days: [ActivityDayInput]) -> ComponentEvaluation {
        var minutes: [Rational] = []
        var steps: [Int] = []
        for day in days {
            if day.moderate != nil || day.vigorous != nil {
                // An absent one of the two counts 0; vigorous minutes count double (WHO).
                minutes.append((day.moderate ?? .zero) + (day.vigorous ?? .zero) * Rational(2))
            } else if let active = day.active {
                minutes.append(active)
            }
            if let count = day.steps { steps.append(count) }
        }
        var metrics: [MetricEvaluation] = []
        var missing: [MissingMetric] = []
        if minutes.count >= minimumDays {
            let total = minutes.reduce(Rational.zero, +)
            metrics.append(MetricEvaluation(
                .weeklyMVPAMinutes, value: (total * Rational(7)).divided(by: minutes.count),
                weight: 70, detail: .daysWithData(minutes.count)
            ))
        } else {
            missing.append(missingDays(.weeklyMVPAMinutes, minutes.count))
        }
        if steps.count >= minimumDays {
            let total = steps.reduce(Rational.zero) { $0 + Rational($1) }
            metrics.append(MetricEvaluation(
                .meanDailySteps, value: total.divided(by: steps.count), weight: 30, detail: .daysWithData(steps.count)
            ))
        } else {
            missing.append(missingDays(.meanDailySteps, steps.count))
        }
        guard !metrics.isEmpty else {
            return .missing(minutes.isEmpty && steps.isEmpty ? .noDataInWindow : .tooFewDays)
        }
        return .present(score: weightedMean(metrics), category: nil, metrics: metrics, missingMetrics: missing)
    }

    static func missingDays(_ metric: MetricName, _ days: Int) -> MissingMetric {
        MissingMetric(metric: metric, reason: days == 0 ? .noDataInWindow : .tooFewDays, daysWithData: days)
    }
}
