/// One component's outcome, exact (rounded only when reported).
enum ComponentEvaluation: Sendable {
    case present(score: Rational, category: String?, metrics: [MetricEvaluation], missingMetrics: [MissingMetric])
    case missing(MissingReason)

    /// Σ wₘ·sₘ / Σ wₘ over the metrics given (all carry a weight).
    static func weightedMean(_ metrics: [MetricEvaluation]) -> Rational {
        var total = Rational.zero
        var weights = 0
        for metric in metrics {
            let weight = metric.weight ?? 0
            total = total + metric.score * Rational(weight)
            weights += weight
        }
        return weights == 0 ? .zero : total.divided(by: weights)
    }
}
