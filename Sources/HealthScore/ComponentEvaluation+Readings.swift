extension ComponentEvaluation {
    /// BP and resting HR use the mean of the latest few readings.
    static let readingsAveraged = 3

    /// `blood_pressure`: means of SBP and DBP over the ≤ 3 latest readings with BP; the
    /// score is the worse of the two, the category is the component's.
    static func bloodPressure(_ readings: [BioMetricInput]) -> ComponentEvaluation {
        var systolic: [Rational] = []
        var diastolic: [Rational] = []
        for reading in readings {
            guard systolic.count < readingsAveraged else { break }
            // Both or neither is a write-time rule; a half reading is not a BP reading.
            if let s = reading.systolic, let d = reading.diastolic {
                systolic.append(s)
                diastolic.append(d)
            }
        }
        guard !systolic.isEmpty else { return .missing(.noDataInWindow) }
        let sbp = systolic.reduce(Rational.zero, +).divided(by: systolic.count)
        let dbp = diastolic.reduce(Rational.zero, +).divided(by: diastolic.count)
        let metrics = [
            MetricEvaluation(.systolicBP, value: sbp, detail: .readingsUsed(systolic.count)),
            MetricEvaluation(.diastolicBP, value: dbp, detail: .readingsUsed(diastolic.count)),
        ]
        return .present(
            score: Rational.min(metrics[0].score, metrics[1].score),
            category: BloodPressureCategory(systolic: sbp, diastolic: dbp).rawValue,
            metrics: metrics, missingMetrics: []
        )
    }

    /// `resting_heart_rate`: mean over the ≤ 3 latest readings with it.
    static func restingHeartRate(_ readings: [BioMetricInput]) -> ComponentEvaluation {
        let rates = readings.compactMap(\.restingHeartRate).prefix(readingsAveraged)
        guard !rates.isEmpty else { return .missing(.noDataInWindow) }
        let metric = MetricEvaluation(
            .restingHeartRate, value: rates.reduce(Rational.zero, +).divided(by: rates.count),
            detail: .readingsUsed(rates.count)
        )
        return .present(score: metric.score, category: nil, metrics: [metric], missingMetrics: [])
    }
}
