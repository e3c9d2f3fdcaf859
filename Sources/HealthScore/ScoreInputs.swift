public import FoundationEssentials
public import UTCTime

/// Everything one score reads: the scored fields of the user's records around `asOf`.
///
/// Give at least the records inside `ScoreWindows(asOf:)`; anything outside is ignored, so
/// extra inputs are harmless. Bio-metrics: the in-window readings plus the latest reading
/// with `heightCm` at or before `asOf` (height has no lower limit). An input passed twice
/// (same key, same content) counts once; two different inputs with one key are an error.
/// The order of the arrays never matters.
public struct ScoreInputs: Sendable, Hashable {
    public var userUUID: UUID
    public var asOf: Instant
    public var bloodTests: [BloodTestInput]
    public var bioMetrics: [BioMetricInput]
    public var activityDays: [ActivityDayInput]
    public var sleepNights: [SleepNightInput]

    public init(
        userUUID: UUID,
        asOf: Instant,
        bloodTests: [BloodTestInput] = [],
        bioMetrics: [BioMetricInput] = [],
        activityDays: [ActivityDayInput] = [],
        sleepNights: [SleepNightInput] = []
    ) {
        self.userUUID = userUUID
        self.asOf = asOf
        self.bloodTests = bloodTests
        self.bioMetrics = bioMetrics
        self.activityDays = activityDays
        self.sleepNights = sleepNights
    }
}
