public import FoundationEssentials
public import UTCTime

/// One `bio_metrics` record: measurements taken at one instant.
public struct BioMetricReading: Sendable, Equatable {
    public var userUUID: UUID
    public var recorded: Instant
    public var weightKg: Decimal?
    public var heightCm: Decimal?
    public var systolicBpMmhg: Decimal?
    public var diastolicBpMmhg: Decimal?
    public var restingHeartRateBpm: Decimal?
    public var bodyTemperatureC: Decimal?
    public var spo2Percent: Decimal?
    public var createdAt: Instant?
    public var updatedAt: Instant?

    public init(
        userUUID: UUID, recorded: Instant,
        weightKg: Decimal? = nil, heightCm: Decimal? = nil,
        systolicBpMmhg: Decimal? = nil, diastolicBpMmhg: Decimal? = nil,
        restingHeartRateBpm: Decimal? = nil, bodyTemperatureC: Decimal? = nil,
        spo2Percent: Decimal? = nil, createdAt: Instant? = nil, updatedAt: Instant? = nil
    ) {
        self.userUUID = userUUID
        self.recorded = recorded
        self.weightKg = weightKg
        self.heightCm = heightCm
        self.systolicBpMmhg = systolicBpMmhg
        self.diastolicBpMmhg = diastolicBpMmhg
        self.restingHeartRateBpm = restingHeartRateBpm
        self.bodyTemperatureC = bodyTemperatureC
        self.spo2Percent = spo2Percent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
