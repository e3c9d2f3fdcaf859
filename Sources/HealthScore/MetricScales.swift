/// Spec §4, written in tenths (`185` is 18.5) so every constant is an exact integer.
enum MetricScales {
    static let weeklyMVPAMinutes = make(
        [(0, 0), (10, 20), (300, 40), (600, 60), (900, 80), (1200, 90), (1500, 100)],
        [("inactive", .equal(t(0))), ("below_guideline", .lessThan(t(1500))),
         ("meets_guideline", .lessThan(t(3000))), ("exceeds_guideline_upper_range", nil)]
    )
    static let meanDailySteps = make(
        [(0, 0), (50000, 50), (75000, 80), (100_000, 100)],
        [("sedentary", .lessThan(t(50000))), ("low_active", .lessThan(t(75000))),
         ("somewhat_active", .lessThan(t(100_000))), ("active", .lessThan(t(125_000))), ("highly_active", nil)]
    )
    static let meanSleepHours = make(
        [(30, 0), (40, 20), (50, 40), (60, 70), (70, 100), (90, 100), (100, 90), (110, 40)],
        [("below_recommended", .lessThan(t(70))), ("recommended", .atMost(t(90))), ("above_recommended", nil)]
    )
    static let meanSleepEfficiencyPercent = make(
        [(650, 0), (850, 100)],
        [("low", .lessThan(t(850))), ("normal", nil)]
    )
    static let bmi = make(
        [(150, 0), (160, 30), (170, 70), (185, 100), (250, 100), (300, 70), (350, 30), (400, 15), (450, 0)],
        [("severe_thinness", .lessThan(t(160))), ("moderate_thinness", .lessThan(t(170))),
         ("mild_thinness", .lessThan(t(185))), ("normal", .lessThan(t(250))), ("overweight", .lessThan(t(300))),
         ("obese_class_1", .lessThan(t(350))), ("obese_class_2", .lessThan(t(400))), ("obese_class_3", nil)]
    )
    static let systolicBP = make([(1200, 100), (1300, 75), (1400, 50), (1600, 25), (1800, 0)], [])
    static let diastolicBP = make([(800, 100), (900, 50), (1000, 25), (1200, 0)], [])
    static let hba1c = make(
        [(57, 100), (65, 60), (70, 40), (80, 30), (90, 20), (100, 10), (110, 0)],
        [("normal", .lessThan(t(57))), ("prediabetes", .lessThan(t(65))), ("diabetes_range", nil)]
    )
    static let fastingGlucose = make(
        [(1000, 100), (1260, 60), (1540, 40), (1830, 30), (2120, 20), (2400, 10), (2690, 0)],
        [("normal", .lessThan(t(1000))), ("prediabetes", .lessThan(t(1260))), ("diabetes_range", nil)]
    )
    static let nonHDLCholesterol = make(
        [(1300, 100), (1600, 60), (1900, 40), (2200, 20), (2500, 0)],
        [("optimal", .lessThan(t(1300))), ("near_optimal", .lessThan(t(1600))),
         ("borderline_high", .lessThan(t(1900))), ("high", .lessThan(t(2200))), ("very_high", nil)]
    )
    static let ldlCholesterol = make(
        [(1000, 100), (1300, 60), (1600, 40), (1900, 20), (2200, 0)],
        [("optimal", .lessThan(t(1000))), ("near_optimal", .lessThan(t(1300))),
         ("borderline_high", .lessThan(t(1600))), ("high", .lessThan(t(1900))), ("very_high", nil)]
    )
    static let hdlCholesterol = make(
        [(200, 0), (400, 70), (600, 100)],
        [("low", .lessThan(t(400))), ("acceptable", .lessThan(t(600))), ("high", nil)]
    )
    static let triglycerides = make(
        [(1500, 100), (2000, 70), (5000, 40), (10000, 0)],
        [("normal", .lessThan(t(1500))), ("borderline_high", .lessThan(t(2000))),
         ("high", .lessThan(t(5000))), ("very_high", nil)]
    )
    static let restingHeartRate = make(
        [(600, 100), (800, 70), (1000, 30), (1200, 0)],
        [("below_60", .lessThan(t(600))), ("normal", .atMost(t(1000))), ("above_100", nil)]
    )

    private static func t(_ tenths: Int) -> Rational {
        Rational(tenths).divided(by: 10)
    }

    /// Anchors as (x in tenths, integer score).
    private static func make(_ anchors: [(Int, Int)], _ categories: [(String, CategoryBound?)]) -> MetricScale {
        MetricScale(
            anchors: anchors.map { (x: t($0.0), y: Rational($0.1)) },
            categories: categories.map { (name: $0.0, bound: $0.1) }
        )
    }
}
