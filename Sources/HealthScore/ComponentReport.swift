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
