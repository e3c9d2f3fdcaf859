public import UTCTime

// A component and its metrics as the score document shows them (rounded).

/// One of the seven components as the score document shows it.
public struct ComponentReport: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case available(Available)
        case missing(MissingReason)
    }

    public struct Available: Sendable, Hashable {
        public let score: RoundedDecimal
        /// 100·w / Σw over the present components.
        public let effectiveWeightPercent: RoundedDecimal
        /// score·w / Σw: display only, need not add up to the rounded overall score.
        public let contribution: RoundedDecimal
        /// `blood_pressure` only.
        public let category: String?
        public let metrics: [MetricReport]
        public let missingMetrics: [MissingMetric]
    }

    public let component: ComponentName
    public let weight: Int
    public let status: Status
}

/// One scored metric as the score document shows it (rounded).
public struct MetricReport: Sendable, Hashable {
    /// The member that says where the value came from.
    public enum Detail: Sendable, Hashable {
        /// Activity and sleep metrics.
        case daysWithData(Int)
        /// Blood pressure and resting heart rate.
        case readingsUsed(Int)
        /// Labs.
        case testDate(CalendarDate)
        /// BMI.
        case bodyMass(weightKg: RoundedDecimal, heightCm: RoundedDecimal, weightRecorded: Instant, heightRecorded: Instant)
    }

    public let metric: MetricName
    public let value: RoundedDecimal
    public let score: RoundedDecimal
    /// Nil for SBP and DBP: the `blood_pressure` component carries the category.
    public let category: String?
    /// Set for the metrics of weighted-mean components (activity, sleep, lipids).
    public let weight: Int?
    public let detail: Detail
}
