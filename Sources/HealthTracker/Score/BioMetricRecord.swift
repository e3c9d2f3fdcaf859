public import FoundationEssentials
public import UTCTime

/// The scored measurements of one stored bio-metrics reading.
public struct BioMetricRecord: Sendable, Hashable {
    public var recorded: Instant
    public var weightKg: Decimal?
    public var heightCm: Decimal?
    /// Both or neither (write-time rule); a reading with only one is not a BP reading.
    public var systolicBpMmhg: Decimal?
    public var diastolicBpMmhg: Decimal?
    public var restingHeartRateBpm: Decimal?

    public init(
        recorded: Instant,
        weightKg: Decimal? = nil,
        heightCm: Decimal? = nil,
        systolicBpMmhg: Decimal? = nil,
        diastolicBpMmhg: Decimal? = nil,
        restingHeartRateBpm: Decimal? = nil
    ) {
        self.recorded = recorded
        self.weightKg = weightKg
        self.heightCm = heightCm
        self.systolicBpMmhg = systolicBpMmhg
        self.diastolicBpMmhg = diastolicBpMmhg
        self.restingHeartRateBpm = restingHeartRateBpm
    }
}
