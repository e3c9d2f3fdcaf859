public import FoundationEssentials
public import UTCTime

/// The scored measurements of one bio-metrics reading, as the engine reads them.
public struct BioMetricInput: Sendable, Hashable {
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

    // The exact values the components compute with; `WindowedInputs` has checked that the
    // decimals are finite.

    var weight: Rational? { weightKg.flatMap(Rational.init(exactly:)) }
    var height: Rational? { heightCm.flatMap(Rational.init(exactly:)) }
    var systolic: Rational? { systolicBpMmhg.flatMap(Rational.init(exactly:)) }
    var diastolic: Rational? { diastolicBpMmhg.flatMap(Rational.init(exactly:)) }
    var restingHeartRate: Rational? { restingHeartRateBpm.flatMap(Rational.init(exactly:)) }
}
