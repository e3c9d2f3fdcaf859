@testable import HealthScore
import TestTags
import Testing

/// Spec §4, transcribed again here from the document (not from the engine's table).
private let specAnchors: [(MetricName, [(String, String)])] = [
    (.weeklyMVPAMinutes, [("0", "0"), ("1", "20"), ("30", "40"), ("60", "60"), ("90", "80"), ("120", "90"), ("150", "100")]),
    (.meanDailySteps, [("0", "0"), ("5000", "50"), ("7500", "80"), ("10000", "100")]),
    (.meanSleepHours, [("3", "0"), ("4", "20"), ("5", "40"), ("6", "70"), ("7", "100"), ("9", "100"), ("10", "90"), ("11", "40")]),
    (.meanSleepEfficiencyPercent, [("65", "0"), ("85", "100")]),
    (.bmi, [("15", "0"), ("16", "30"), ("17", "70"), ("18.5", "100"), ("25", "100"), ("30", "70"), ("35", "30"), ("40", "15"), ("45", "0")]),
    (.systolicBP, [("120", "100"), ("130", "75"), ("140", "50"), ("160", "25"), ("180", "0")]),
    (.diastolicBP, [("80", "100"), ("90", "50"), ("100", "25"), ("120", "0")]),
    (.hba1c, [("5.7", "100"), ("6.5", "60"), ("7", "40"), ("8", "30"), ("9", "20"), ("10", "10"), ("11", "0")]),
    (.fastingGlucose, [("100", "100"), ("126", "60"), ("154", "40"), ("183", "30"), ("212", "20"), ("240", "10"), ("269", "0")]),
    (.nonHDLCholesterol, [("130", "100"), ("160", "60"), ("190", "40"), ("220", "20"), ("250", "0")]),
    (.ldlCholesterol, [("100", "100"), ("130", "60"), ("160", "40"), ("190", "20"), ("220", "0")]),
    (.hdlCholesterol, [("20", "0"), ("40", "70"), ("60", "100")]),
    (.triglycerides, [("150", "100"), ("200", "70"), ("500", "40"), ("1000", "0")]),
    (.restingHeartRate, [("60", "100"), ("80", "70"), ("100", "30"), ("120", "0")]),
]

@Suite("Score sub-scores and categories (spec §4)", .tags(.pure))
struct ScoreSubScoreTests {
    @Test("every metric scores its anchor value at each anchor", arguments: MetricName.allCases)
    func anchors(metric: MetricName) throws {
        let anchors = try #require(specAnchors.first { $0.0 == metric }?.1)
        for (x, y) in anchors {
            #expect(metric.scale.score(r(x)) == r(y), "\(metric) at \(x)")
        }
    }

    @Test("between anchors the score is linear: midpoint and quarter point", arguments: MetricName.allCases)
    func betweenAnchors(metric: MetricName) throws {
        let anchors = try #require(specAnchors.first { $0.0 == metric }?.1)
        for (low, high) in zip(anchors, anchors.dropFirst()) {
            let (x0, y0, x1, y1) = (r(low.0), r(low.1), r(high.0), r(high.1))
            let mid = (x0 + x1).divided(by: 2)
            #expect(metric.scale.score(mid) == (y0 + y1).divided(by: 2), "\(metric) midway \(low.0)…\(high.0)")
            let quarter = x0 + (x1 - x0).divided(by: 4)
            #expect(metric.scale.score(quarter) == y0 + (y1 - y0).divided(by: 4), "\(metric) quarter \(low.0)…\(high.0)")
        }
    }

    @Test("beyond both ends the score holds the end anchor's value", arguments: MetricName.allCases)
    func beyondEnds(metric: MetricName) throws {
        let anchors = try #require(specAnchors.first { $0.0 == metric }?.1)
        let first = try #require(anchors.first)
        let last = try #require(anchors.last)
        #expect(metric.scale.score(r(first.0) - r("0.01")) == r(first.1))
        #expect(metric.scale.score(r(first.0) - Rational(1000)) == r(first.1))
        #expect(metric.scale.score(r(last.0) + r("0.01")) == r(last.1))
        #expect(metric.scale.score(r(last.0) + Rational(100_000)) == r(last.1))
    }

    @Test("worked values from the cases", arguments: [
        (MetricName.meanDailySteps, "8000", "84"), (.meanSleepHours, "6.5", "85"), (.bmi, "26", "94"),
        (.systolicBP, "126", "85"), (.restingHeartRate, "70", "85"), (.fastingGlucose, "113", "80"),
        (.hba1c, "5.9", "90"), (.hdlCholesterol, "50", "85"), (.triglycerides, "170", "88"),
        (.weeklyMVPAMinutes, "105", "85"), (.meanSleepEfficiencyPercent, "75", "50"),
    ])
    func workedValues(metric: MetricName, value: String, score: String) {
        #expect(metric.scale.score(r(value)) == r(score))
    }

    @Test("category boundaries: just below and exactly on each cut-point", arguments: [
        (MetricName.weeklyMVPAMinutes, "0", "inactive"), (.weeklyMVPAMinutes, "0.1", "below_guideline"),
        (.weeklyMVPAMinutes, "149.9", "below_guideline"), (.weeklyMVPAMinutes, "150", "meets_guideline"),
        (.weeklyMVPAMinutes, "299.9", "meets_guideline"), (.weeklyMVPAMinutes, "300", "exceeds_guideline_upper_range"),
        (.meanDailySteps, "4999.9", "sedentary"), (.meanDailySteps, "5000", "low_active"),
        (.meanDailySteps, "7499.9", "low_active"), (.meanDailySteps, "7500", "somewhat_active"),
        (.meanDailySteps, "9999.9", "somewhat_active"), (.meanDailySteps, "10000", "active"),
        (.meanDailySteps, "12499.9", "active"), (.meanDailySteps, "12500", "highly_active"),
        (.meanSleepHours, "6.99", "below_recommended"), (.meanSleepHours, "7", "recommended"),
        (.meanSleepHours, "9", "recommended"), (.meanSleepHours, "9.01", "above_recommended"),
        (.meanSleepEfficiencyPercent, "84.99", "low"), (.meanSleepEfficiencyPercent, "85", "normal"),
        (.bmi, "15.99", "severe_thinness"), (.bmi, "16", "moderate_thinness"), (.bmi, "16.99", "moderate_thinness"),
        (.bmi, "17", "mild_thinness"), (.bmi, "18.49", "mild_thinness"), (.bmi, "18.5", "normal"),
        (.bmi, "24.99", "normal"), (.bmi, "25", "overweight"), (.bmi, "29.99", "overweight"),
        (.bmi, "30", "obese_class_1"), (.bmi, "34.99", "obese_class_1"), (.bmi, "35", "obese_class_2"),
        (.bmi, "39.99", "obese_class_2"), (.bmi, "40", "obese_class_3"),
        (.hba1c, "5.69", "normal"), (.hba1c, "5.7", "prediabetes"), (.hba1c, "6.49", "prediabetes"), (.hba1c, "6.5", "diabetes_range"),
        (.fastingGlucose, "99.9", "normal"), (.fastingGlucose, "100", "prediabetes"),
        (.fastingGlucose, "125.9", "prediabetes"), (.fastingGlucose, "126", "diabetes_range"),
        (.nonHDLCholesterol, "129.9", "optimal"), (.nonHDLCholesterol, "130", "near_optimal"),
        (.nonHDLCholesterol, "159.9", "near_optimal"), (.nonHDLCholesterol, "160", "borderline_high"),
        (.nonHDLCholesterol, "189.9", "borderline_high"), (.nonHDLCholesterol, "190", "high"),
        (.nonHDLCholesterol, "219.9", "high"), (.nonHDLCholesterol, "220", "very_high"),
        (.ldlCholesterol, "99.9", "optimal"), (.ldlCholesterol, "100", "near_optimal"),
        (.ldlCholesterol, "129.9", "near_optimal"), (.ldlCholesterol, "130", "borderline_high"),
        (.ldlCholesterol, "159.9", "borderline_high"), (.ldlCholesterol, "160", "high"),
        (.ldlCholesterol, "189.9", "high"), (.ldlCholesterol, "190", "very_high"),
        (.hdlCholesterol, "39.9", "low"), (.hdlCholesterol, "40", "acceptable"),
        (.hdlCholesterol, "59.9", "acceptable"), (.hdlCholesterol, "60", "high"),
        (.triglycerides, "149.9", "normal"), (.triglycerides, "150", "borderline_high"),
        (.triglycerides, "199.9", "borderline_high"), (.triglycerides, "200", "high"),
        (.triglycerides, "499.9", "high"), (.triglycerides, "500", "very_high"),
        (.restingHeartRate, "59.9", "below_60"), (.restingHeartRate, "60", "normal"),
        (.restingHeartRate, "100", "normal"), (.restingHeartRate, "100.1", "above_100"),
    ])
    func categoryBoundaries(metric: MetricName, value: String, category: String) {
        #expect(metric.scale.category(r(value)) == category)
    }

    @Test("SBP and DBP carry no category of their own")
    func bloodPressureMetricsHaveNoCategory() {
        #expect(MetricName.systolicBP.scale.category(r("150")) == nil)
        #expect(MetricName.diastolicBP.scale.category(r("95")) == nil)
    }

    @Test("BP category: the higher category wins, on exact means", arguments: [
        ("119.9", "79.9", BloodPressureCategory.normal),
        ("120", "79.9", .elevated), ("129.9", "79", .elevated),
        ("130", "70", .stage1Hypertension), ("125", "80", .stage1Hypertension), ("139.9", "89.9", .stage1Hypertension),
        ("140", "70", .stage2Hypertension), ("118", "90", .stage2Hypertension), ("180", "120", .stage2Hypertension),
        ("180.1", "70", .hypertensiveCrisisRange), ("110", "120.1", .hypertensiveCrisisRange),
        ("200", "130", .hypertensiveCrisisRange),
    ])
    func bloodPressureCategory(systolic: String, diastolic: String, expected: BloodPressureCategory) {
        #expect(BloodPressureCategory(systolic: r(systolic), diastolic: r(diastolic)) == expected)
    }

    @Test("BP category uses the exact mean: (129+130+130)/3 = 129.67 is elevated, not stage 1")
    func bloodPressureCategoryOnExactMean() {
        let mean = (Rational(129) + Rational(130) + Rational(130)).divided(by: 3)
        #expect(BloodPressureCategory(systolic: mean, diastolic: Rational(70)) == .elevated)
    }
}
