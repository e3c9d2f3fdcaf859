/// The seven components of spec §5, in §5 order (the order of every list in the output).
public enum ComponentName: String, Sendable, Hashable, CaseIterable {
    case activity
    case sleep
    case bodyMassIndex = "body_mass_index"
    case bloodPressure = "blood_pressure"
    case glucose
    case lipids
    case restingHeartRate = "resting_heart_rate"

    /// Points in the overall weighted mean: 15 per LE8-backed component, 10 for resting HR.
    public var weight: Int {
        self == .restingHeartRate ? 10 : 15
    }
}
