public import UTCTime

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
