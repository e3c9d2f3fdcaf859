public import FoundationEssentials
public import UTCTime

/// Everything one score reads: the user's records around `asOf`.
///
/// Give at least the records inside `ScoreWindows(asOf:)`; anything outside is ignored, so
/// extra records are harmless. Bio-metrics: the in-window readings plus the latest reading
/// with `heightCm` at or before `asOf` (height has no lower limit). A record passed twice
/// (same key, same content) counts once; two different records with one key are an error.
/// The order of the arrays never matters.
public struct ScoreInputs: Sendable, Hashable {
    public var userUUID: UUID
    public var asOf: Instant
    public var bloodTests: [BloodTestRecord]
    public var bioMetrics: [BioMetricRecord]
    public var activityDays: [ActivityDayRecord]
    public var sleepNights: [SleepNightRecord]

    public init(
        userUUID: UUID,
        asOf: Instant,
        bloodTests: [BloodTestRecord] = [],
        bioMetrics: [BioMetricRecord] = [],
        activityDays: [ActivityDayRecord] = [],
        sleepNights: [SleepNightRecord] = []
    ) {
        self.userUUID = userUUID
        self.asOf = asOf
        self.bloodTests = bloodTests
        self.bioMetrics = bioMetrics
        self.activityDays = activityDays
        self.sleepNights = sleepNights
    }
}
