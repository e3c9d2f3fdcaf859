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
