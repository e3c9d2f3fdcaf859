/// The `blood_pressure` component's category (spec §4), on the exact means; the higher
/// category wins.
enum BloodPressureCategory: String, Sendable {
    case normal
    case elevated
    case stage1Hypertension = "stage_1_hypertension"
    case stage2Hypertension = "stage_2_hypertension"
    case hypertensiveCrisisRange = "hypertensive_crisis_range"

    init(systolic: Rational, diastolic: Rational) {
        if Rational(180) < systolic || Rational(120) < diastolic {
            self = .hypertensiveCrisisRange
        } else if !(systolic < Rational(140)) || !(diastolic < Rational(90)) {
            self = .stage2Hypertension
        } else if !(systolic < Rational(130)) || !(diastolic < Rational(80)) {
            self = .stage1Hypertension
        } else if !(systolic < Rational(120)) {
            self = .elevated
        } else {
            self = .normal
        }
    }
}
