// What has no score and why (spec §5 "Missing data"): components left out, metrics of a
// present component that could not be scored, and their reasons.

/// A component left out of the score, with the reason.
public struct MissingComponent: Sendable, Hashable {
    public let component: ComponentName
    public let reason: MissingReason

    public init(component: ComponentName, reason: MissingReason) {
        self.component = component
        self.reason = reason
    }
}

/// A metric of a present component that could not be scored.
public struct MissingMetric: Sendable, Hashable {
    public let metric: MetricName
    public let reason: MissingReason
    /// Activity and sleep metrics only: the days that had the data.
    public let daysWithData: Int?

    public init(metric: MetricName, reason: MissingReason, daysWithData: Int? = nil) {
        self.metric = metric
        self.reason = reason
        self.daysWithData = daysWithData
    }
}

/// Why a component or metric has no score (spec §5 "Missing data").
public enum MissingReason: String, Sendable, Hashable {
    case noDataInWindow = "no_data_in_window"
    /// Activity or sleep data on 1–3 of the 7 days.
    case tooFewDays = "too_few_days"
    /// Weight in the window but no height at or before `as_of`.
    case noHeight = "no_height"
    /// BMI outside 10–100.
    case bmiOutOfRange = "bmi_out_of_range"
}
