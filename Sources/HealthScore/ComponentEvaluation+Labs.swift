import UTCTime

extension ComponentEvaluation {
    /// `glucose`: the worse of the latest fasting glucose and HbA1c scores available.
    static func glucose(_ tests: [BloodTestInput]) -> ComponentEvaluation {
        var metrics: [MetricEvaluation] = []
        var missing: [MissingMetric] = []
        for (name, field) in [(MetricName.fastingGlucose, \BloodTestInput.fastingGlucose), (.hba1c, \.hba1c)] {
            if let (value, date) = latest(tests, field) {
                metrics.append(MetricEvaluation(name, value: value, detail: .testDate(date)))
            } else {
                missing.append(MissingMetric(metric: name, reason: .noDataInWindow))
            }
        }
        guard let worst = metrics.map(\.score).min() else { return .missing(.noDataInWindow) }
        return .present(score: worst, category: nil, metrics: metrics, missingMetrics: missing)
    }

    /// `lipids`: non-HDL (else LDL) 60, HDL 20, triglycerides 20; needs non-HDL or LDL.
    ///
    /// The non-HDL/LDL slot is one metric: the one not used is neither reported nor listed
    /// as missing (case 01 has both and lists no missing metric).
    static func lipids(_ tests: [BloodTestInput]) -> ComponentEvaluation {
        var metrics: [MetricEvaluation] = []
        if let test = tests.first(where: { $0.totalCholesterol != nil && $0.hdl != nil }),
           let total = test.totalCholesterol, let hdl = test.hdl {
            metrics.append(MetricEvaluation(.nonHDLCholesterol, value: total - hdl, weight: 60, detail: .testDate(test.testDate)))
        } else if let (ldl, date) = latest(tests, \.ldl) {
            metrics.append(MetricEvaluation(.ldlCholesterol, value: ldl, weight: 60, detail: .testDate(date)))
        } else {
            return .missing(.noDataInWindow)
        }
        var missing: [MissingMetric] = []
        for (name, field) in [(MetricName.hdlCholesterol, \BloodTestInput.hdl), (.triglycerides, \.triglycerides)] {
            if let (value, date) = latest(tests, field) {
                metrics.append(MetricEvaluation(name, value: value, weight: 20, detail: .testDate(date)))
            } else {
                missing.append(MissingMetric(metric: name, reason: .noDataInWindow))
            }
        }
        return .present(score: weightedMean(metrics), category: nil, metrics: metrics, missingMetrics: missing)
    }

    /// The latest test having the field (tests are latest first), per field.
    private static func latest(
        _ tests: [BloodTestInput], _ field: KeyPath<BloodTestInput, Rational?>
    ) -> (Rational, CalendarDate)? {
        for test in tests {
            if let value = test[keyPath: field] { return (value, test.testDate) }
        }
        return nil
    }
}
