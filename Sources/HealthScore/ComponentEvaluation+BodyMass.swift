extension ComponentEvaluation {
    /// `body_mass_index`: latest in-window weight ÷ (latest height at or before as_of / 100)².
    static func bodyMass(readings: [BioMetricInput], heights: [BioMetricInput]) -> ComponentEvaluation {
        guard let weighing = readings.first(where: { $0.weightKg != nil }), let weight = weighing.weight else {
            return .missing(.noDataInWindow)
        }
        guard let measuring = heights.first, let height = measuring.height else { return .missing(.noHeight) }
        let metres = height.divided(by: 100)
        // Height 0 cannot pass validation (100–250 cm); were it stored, BMI is unbounded.
        guard let bmi = weight / (metres * metres) else { return .missing(.bmiOutOfRange) }
        guard !(bmi < Rational(10)), !(Rational(100) < bmi) else { return .missing(.bmiOutOfRange) }
        let metric = MetricEvaluation(.bmi, value: bmi, detail: .bodyMass(
            weightKg: weight, heightCm: height,
            weightRecorded: weighing.recorded, heightRecorded: measuring.recorded
        ))
        return .present(score: metric.score, category: nil, metrics: [metric], missingMetrics: [])
    }
}
