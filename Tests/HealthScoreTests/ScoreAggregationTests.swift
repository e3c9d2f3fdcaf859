import Foundation
@testable import HealthScore
import ScoreTestSupport
import TestTags
import Testing
import UTCTime

private typealias F = ScoreFixture

@Suite("Score aggregation (spec §2–§3)", .tags(.pure))
struct ScoreAggregationTests {
    // MARK: Windows

    @Test("windows from as_of: D is the UTC date of as_of, even with an offset")
    func windows() {
        let w = ScoreWindows(asOf: F.instant("2025-06-15T01:00:00+02:00"))
        // 01:00+02:00 is 2025-06-14T23:00Z: D = 2025-06-14.
        #expect(w.bloodTests == F.date("2024-06-15")...F.date("2025-06-14"))
        #expect(w.bioMetrics == F.instant("2025-03-17T00:00:00Z")...F.instant("2025-06-14T23:00:00Z"))
        #expect(w.physicalActivity == F.date("2025-06-07")...F.date("2025-06-13"))
        #expect(w.sleepActivity == w.physicalActivity)
        #expect(w.containsHeight(recordedAt: F.instant("1990-01-01T00:00:00Z")))
        #expect(!w.containsHeight(recordedAt: F.instant("2025-06-14T23:00:00.000001Z")))
    }

    @Test("blood tests: D−364 is in, D−365 is out; a test dated D counts")
    func bloodTestWindow() throws {
        let inside = BloodTestInput(testDate: F.date("2024-06-16"), fastingGlucoseMgDl: d("113"))
        let outside = BloodTestInput(testDate: F.date("2024-06-15"), hba1cPercent: d("5.9"))
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: [inside, outside], bioMetrics: F.fillerReadings))
        let glucose = try F.available(doc, .glucose)
        #expect(glucose.metrics.map(\.metric) == [.fastingGlucose])
        #expect(glucose.missingMetrics == [MissingMetric(metric: .hba1c, reason: .noDataInWindow)])
        #expect(try F.metric(glucose, .fastingGlucose).detail == .testDate(F.date("2024-06-16")))

        let today = BloodTestInput(testDate: F.date("2025-06-15"), fastingGlucoseMgDl: d("90"))
        let doc2 = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: [inside, today], bioMetrics: F.fillerReadings))
        #expect(try F.metric(F.available(doc2, .glucose), .fastingGlucose).value == rd("90.0"))
    }

    @Test("bio-metrics: D−89 T00:00Z is in, a microsecond earlier or after as_of is out")
    func bioWindow() throws {
        func rhr(_ at: String, _ value: String) -> BioMetricInput {
            BioMetricInput(recorded: F.instant(at), restingHeartRateBpm: d(value))
        }
        let readings = [
            rhr("2025-03-18T00:00:00Z", "70"), rhr("2025-03-17T23:59:59.999999Z", "200"),
            rhr("2025-06-15T12:00:00.000001Z", "190"), rhr("2025-06-15T12:00:00Z", "80"),
            BioMetricInput(recorded: F.instant("2025-06-01T00:00:00Z"), systolicBpMmhg: d("110"), diastolicBpMmhg: d("70")),
        ]
        let inputs = ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: [BloodTestInput(testDate: F.date("2025-06-01"), hba1cPercent: d("5"))], bioMetrics: readings)
        let rate = try F.metric(F.available(F.document(inputs), .restingHeartRate), .restingHeartRate)
        #expect(rate.value == rd("75.0"))
        #expect(rate.detail == .readingsUsed(2))
    }

    @Test("activity and sleep: days D−7…D−1 only (D itself is incomplete)")
    func dayWindows() throws {
        var days = F.weekDays.map { ActivityDayInput(date: $0, moderateMinutes: d("10")) }
        days.append(ActivityDayInput(date: F.date("2025-06-15"), moderateMinutes: d("600")))
        days.append(ActivityDayInput(date: F.date("2025-06-07"), moderateMinutes: d("600")))
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, activityDays: days))
        let mvpa = try F.metric(F.available(doc, .activity), .weeklyMVPAMinutes)
        #expect(mvpa.value == rd("70.0"))
        #expect(mvpa.detail == .daysWithData(7))
    }

    // MARK: Latest per field, partial panels

    @Test("latest per field: each analyte from the latest test that has it")
    func latestPerField() throws {
        let tests = [
            BloodTestInput(testDate: F.date("2025-03-01"), fastingGlucoseMgDl: d("90"), hba1cPercent: d("6.1")),
            BloodTestInput(testDate: F.date("2025-05-01"), fastingGlucoseMgDl: d("140")),
        ]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: tests, bioMetrics: F.fillerReadings))
        let glucose = try F.available(doc, .glucose)
        let fpg = try F.metric(glucose, .fastingGlucose)
        let a1c = try F.metric(glucose, .hba1c)
        // FPG 140 → 60 − 20·14/28 = 50; HbA1c 6.1 → 100 − 40·0.4/0.8 = 80; min = 50.
        #expect(fpg.value == rd("140.0") && fpg.score == rd("50.0") && fpg.detail == .testDate(F.date("2025-05-01")))
        #expect(a1c.value == rd("6.1") && a1c.score == rd("80.0") && a1c.detail == .testDate(F.date("2025-03-01")))
        #expect(glucose.score == rd("50.0"))
        #expect(glucose.missingMetrics.isEmpty)
    }

    @Test("non-HDL from the latest test with both total and HDL; HDL itself from its latest test")
    func nonHDLPartialPanels() throws {
        let tests = [
            BloodTestInput(testDate: F.date("2025-06-01"), hdlCholesterolMgDl: d("40")),
            BloodTestInput(testDate: F.date("2025-03-01"), totalCholesterolMgDl: d("200"), ldlCholesterolMgDl: d("90"), hdlCholesterolMgDl: d("50")),
        ]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: tests, bioMetrics: F.fillerReadings))
        let lipids = try F.available(doc, .lipids)
        #expect(lipids.metrics.map(\.metric) == [.nonHDLCholesterol, .hdlCholesterol])
        let nonHDL = try F.metric(lipids, .nonHDLCholesterol)
        // 200 − 50 = 150 → 100 − 40·20/30 = 73.33…; HDL 40 → 70.
        #expect(nonHDL.value == rd("150.0") && nonHDL.score == rd("73.3") && nonHDL.category == "near_optimal")
        #expect(nonHDL.detail == .testDate(F.date("2025-03-01")))
        #expect(try F.metric(lipids, .hdlCholesterol).detail == .testDate(F.date("2025-06-01")))
        // (60·220/3 + 20·70)/80 = (4400 + 1400)/80 = 72.5
        #expect(lipids.score == rd("72.5"))
        #expect(lipids.missingMetrics == [MissingMetric(metric: .triglycerides, reason: .noDataInWindow)])
    }

    @Test("LDL is scored only when there is no non-HDL; HDL/TG alone do not make lipids present")
    func ldlFallback() throws {
        let ldlOnly = [BloodTestInput(testDate: F.date("2025-06-01"), ldlCholesterolMgDl: d("145"), triglyceridesMgDl: d("260"))]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: ldlOnly, bioMetrics: F.fillerReadings))
        let lipids = try F.available(doc, .lipids)
        // LDL 145 → 60 − 20·15/30 = 50; TG 260 → 70 − 30·60/300 = 64; (60·50 + 20·64)/80 = 53.5
        #expect(lipids.metrics.map(\.metric) == [.ldlCholesterol, .triglycerides])
        #expect(try F.metric(lipids, .ldlCholesterol).category == "borderline_high")
        #expect(lipids.score == rd("53.5"))

        let noPrimary = [BloodTestInput(testDate: F.date("2025-06-01"), hdlCholesterolMgDl: d("50"), triglyceridesMgDl: d("100"))]
        let outcome = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: noPrimary, bioMetrics: F.fillerReadings))
        #expect(F.status(outcome, .lipids) == .missing(.noDataInWindow))
    }

    // MARK: Activity

    @Test("activity minutes: moderate + 2·vigorous, absent one counts 0; active only without a split; 0 is data")
    func activityMinutes() throws {
        let w = F.weekDays
        let days = [
            ActivityDayInput(date: w[0], moderateMinutes: d("30"), vigorousMinutes: d("10")),   // 50
            ActivityDayInput(date: w[1], vigorousMinutes: d("20")),                               // 40
            ActivityDayInput(date: w[2], activeMinutes: d("45")),                                 // 45
            ActivityDayInput(date: w[3], moderateMinutes: d("0")),                                // 0
            ActivityDayInput(date: w[4], moderateMinutes: d("10"), activeMinutes: d("60")),       // 10
            ActivityDayInput(date: w[5], steps: 9000),                                            // no minutes
        ]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, activityDays: days))
        let activity = try F.available(doc, .activity)
        let mvpa = try F.metric(activity, .weeklyMVPAMinutes)
        // (50 + 40 + 45 + 0 + 10)·7/5 = 145·7/5 = 203 → 100, meets_guideline
        #expect(mvpa.value == rd("203.0") && mvpa.score == rd("100.0") && mvpa.category == "meets_guideline")
        #expect(mvpa.detail == .daysWithData(5) && mvpa.weight == 70)
        // Steps on 1 day: missing, too_few_days; activity = MVPA alone.
        #expect(activity.missingMetrics == [MissingMetric(metric: .meanDailySteps, reason: .tooFewDays, daysWithData: 1)])
        #expect(activity.score == rd("100.0"))
    }

    @Test("zero minutes on every day is data: weekly 0 → inactive, score 0")
    func inactiveWeek() throws {
        let days = F.weekDays.map { ActivityDayInput(date: $0, steps: 12500, moderateMinutes: d("0")) }
        let activity = try F.available(F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, activityDays: days)), .activity)
        let mvpa = try F.metric(activity, .weeklyMVPAMinutes)
        #expect(mvpa.value == rd("0.0") && mvpa.score == rd("0.0") && mvpa.category == "inactive")
        #expect(try F.metric(activity, .meanDailySteps).category == "highly_active")
        // (70·0 + 30·100)/100 = 30
        #expect(activity.score == rd("30.0"))
    }

    @Test("activity component: 1–3 days → too_few_days; records without scored fields → no_data_in_window")
    func activityMissingReasons() throws {
        let few = F.weekDays.prefix(3).map { ActivityDayInput(date: $0, steps: 8000, moderateMinutes: d("20")) }
        let outcome = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, activityDays: Array(few)))
        #expect(F.status(outcome, .activity) == .missing(.tooFewDays))
        let empty = F.weekDays.map { ActivityDayInput(date: $0) }
        let outcome2 = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, activityDays: empty))
        #expect(F.status(outcome2, .activity) == .missing(.noDataInWindow))
    }

    // MARK: Sleep

    @Test("sleep day: total, else deep+rem+light, else TIB − awake, else TIB assumed; efficiency rules")
    func sleepDayFallbacks() throws {
        func night(_ n: Int) -> CalendarDate { F.weekDays[n] }
        let nights = [
            // TIB 480, total 360 → asleep 360, efficiency 75
            SleepNightInput(date: night(1), startTime: F.instant("2025-06-08T23:00:00Z"), endTime: F.instant("2025-06-09T07:00:00Z"), totalSleepMinutes: d("360")),
            // TIB 480, stages 60+90+210 = 360 → efficiency 75 (awake ignored: stages come first)
            SleepNightInput(date: night(2), startTime: F.instant("2025-06-09T22:00:00Z"), endTime: F.instant("2025-06-10T06:00:00Z"), deepMinutes: d("60"), remMinutes: d("90"), lightMinutes: d("210"), awakeMinutes: d("10")),
            // TIB 420, awake 84 → 336, efficiency 80; only two stages given, so they are not used
            SleepNightInput(date: night(3), startTime: F.instant("2025-06-10T23:00:00Z"), endTime: F.instant("2025-06-11T06:00:00Z"), deepMinutes: d("60"), remMinutes: d("60"), awakeMinutes: d("84")),
            // TIB 360 only → asleep assumed 360, no efficiency
            SleepNightInput(date: night(4), startTime: F.instant("2025-06-12T00:00:00Z"), endTime: F.instant("2025-06-12T06:00:00Z")),
            // date only: total 390, efficiency given 70
            SleepNightInput(date: night(5), totalSleepMinutes: d("390"), efficiencyPercent: d("70")),
        ]
        let sleep = try F.available(F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, sleepNights: nights)), .sleep)
        let hours = try F.metric(sleep, .meanSleepHours)
        let efficiency = try F.metric(sleep, .meanSleepEfficiencyPercent)
        // (360 + 360 + 336 + 360 + 390)/5 = 361.2 min = 6.02 h → 70 + 30·0.02 = 70.6
        #expect(hours.value == rd("6.0") && hours.score == rd("70.6") && hours.detail == .daysWithData(5))
        // (75 + 75 + 80 + 70)/4 = 75 → 100·10/20 = 50, low
        #expect(efficiency.value == rd("75.0") && efficiency.score == rd("50.0") && efficiency.category == "low")
        #expect(efficiency.detail == .daysWithData(4))
        // (80·70.6 + 20·50)/100 = 66.48 → 66.5
        #expect(sleep.score == rd("66.5"))
    }

    @Test("sleep: efficiency_percent wins over the computed one; date-only nights give none")
    func sleepEfficiencySources() throws {
        let nights = F.weekDays.prefix(4).map {
            SleepNightInput(date: $0, startTime: $0.startInstant.adding(microseconds: -3_600_000_000), endTime: $0.startInstant.adding(microseconds: 7 * 3_600_000_000),
                             totalSleepMinutes: d("420"), efficiencyPercent: d("80"))
        }
        let sleep = try F.available(F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, sleepNights: Array(nights))), .sleep)
        // Computed would be 420/480 = 87.5; the given 80 is used → 75.
        #expect(try F.metric(sleep, .meanSleepEfficiencyPercent).value == rd("80.0"))
        #expect(try F.metric(sleep, .meanSleepEfficiencyPercent).score == rd("75.0"))
    }

    @Test("sleep component: 3 nights → too_few_days; none → no_data_in_window")
    func sleepMissingReasons() throws {
        let three = F.weekDays.prefix(3).map { SleepNightInput(date: $0, totalSleepMinutes: d("420")) }
        let outcome = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings, sleepNights: Array(three)))
        #expect(F.status(outcome, .sleep) == .missing(.tooFewDays))
        let outcome2 = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings))
        #expect(F.status(outcome2, .sleep) == .missing(.noDataInWindow))
    }

    // MARK: BMI

    @Test("BMI: latest weight in window, latest height at or before as_of with no lower limit")
    func bmiSources() throws {
        let readings = F.fillerReadings + [
            BioMetricInput(recorded: F.instant("2019-03-01T08:00:00Z"), heightCm: d("172.5")),
            BioMetricInput(recorded: F.instant("2025-06-14T08:00:00Z"), weightKg: d("80.1")),
            BioMetricInput(recorded: F.instant("2025-05-14T08:00:00Z"), weightKg: d("95")),
            BioMetricInput(recorded: F.instant("2025-06-16T08:00:00Z"), weightKg: d("60"), heightCm: d("190")),
        ]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: readings))
        let bmi = try F.metric(F.available(doc, .bodyMassIndex), .bmi)
        // 80.1 / 1.725² = 14240/529 = 26.918… → 100 − 30·(1015/529)/5 = 46810/529 = 88.49
        #expect(bmi.value == rd("26.9") && bmi.score == rd("88.5") && bmi.category == "overweight")
        #expect(bmi.detail == .bodyMass(weightKg: rd("80.1"), heightCm: rd("172.5"),
                                        weightRecorded: F.instant("2025-06-14T08:00:00Z"), heightRecorded: F.instant("2019-03-01T08:00:00Z")))
    }

    @Test("BMI missing: no_height, no_data_in_window (height alone), bmi_out_of_range; 10 and 100 are in range")
    func bmiMissing() throws {
        func bmiStatus(_ extra: [BioMetricInput]) throws -> ComponentReport.Status? {
            F.status(try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf, bioMetrics: F.fillerReadings + extra)), .bodyMassIndex)
        }
        let weight = BioMetricInput(recorded: F.instant("2025-06-10T08:00:00Z"), weightKg: d("80"))
        let laterHeight = BioMetricInput(recorded: F.instant("2025-06-15T12:00:01Z"), heightCm: d("180"))
        #expect(try bmiStatus([weight, laterHeight]) == .missing(.noHeight))
        #expect(try bmiStatus([BioMetricInput(recorded: F.instant("2025-06-10T08:00:00Z"), heightCm: d("180"))]) == .missing(.noDataInWindow))
        // Old weight (outside 90 days) with a height: no weight in window.
        #expect(try bmiStatus([BioMetricInput(recorded: F.instant("2025-01-10T08:00:00Z"), weightKg: d("80"), heightCm: d("180"))]) == .missing(.noDataInWindow))
        // 20 / 2.5² = 3.2; 500 / 1² = 500
        #expect(try bmiStatus([BioMetricInput(recorded: F.instant("2025-06-10T08:00:00Z"), weightKg: d("20"), heightCm: d("250"))]) == .missing(.bmiOutOfRange))
        #expect(try bmiStatus([BioMetricInput(recorded: F.instant("2025-06-10T08:00:00Z"), weightKg: d("500"), heightCm: d("100"))]) == .missing(.bmiOutOfRange))
        // 62.5 / 2.5² = 10 exactly; 100 / 1² = 100 exactly: both scored (0 each).
        for (w, h) in [("62.5", "250"), ("100", "100")] {
            let status = try bmiStatus([BioMetricInput(recorded: F.instant("2025-06-10T08:00:00Z"), weightKg: d(w), heightCm: d(h))])
            guard case .available(let available) = status else { Issue.record("BMI \(w)/\(h): \(String(describing: status))"); continue }
            #expect(available.score == rd("0.0"))
        }
    }

    // MARK: BP and RHR

    @Test("BP: mean of the 3 latest readings with BP; RHR: its own 3 latest; readings without the field skipped")
    func latestThreeReadings() throws {
        let readings = [
            BioMetricInput(recorded: F.instant("2025-06-14T08:00:00Z"), weightKg: d("70"), systolicBpMmhg: d("150"), diastolicBpMmhg: d("85"), restingHeartRateBpm: d("75")),
            BioMetricInput(recorded: F.instant("2025-06-10T08:00:00Z"), weightKg: d("70")),
            BioMetricInput(recorded: F.instant("2025-06-01T08:00:00Z"), systolicBpMmhg: d("144"), diastolicBpMmhg: d("88")),
            BioMetricInput(recorded: F.instant("2025-05-01T08:00:00Z"), systolicBpMmhg: d("138"), diastolicBpMmhg: d("92"), restingHeartRateBpm: d("81")),
            BioMetricInput(recorded: F.instant("2025-04-01T08:00:00Z"), systolicBpMmhg: d("100"), diastolicBpMmhg: d("60"), restingHeartRateBpm: d("50")),
            BioMetricInput(recorded: F.instant("2025-03-20T08:00:00Z"), restingHeartRateBpm: d("110")),
        ]
        let tests = [BloodTestInput(testDate: F.date("2025-06-01"), hba1cPercent: d("5.0"))]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: tests, bioMetrics: readings))
        let bp = try F.available(doc, .bloodPressure)
        let sbp = try F.metric(bp, .systolicBP)
        let dbp = try F.metric(bp, .diastolicBP)
        // SBP (150+144+138)/3 = 144 → 50 − 25·4/20 = 45; DBP 265/3 = 88.33 → 100 − 50·(25/3)/10 = 58.33
        #expect(sbp.value == rd("144.0") && sbp.score == rd("45.0") && sbp.detail == .readingsUsed(3) && sbp.category == nil)
        #expect(dbp.value == rd("88.3") && dbp.score == rd("58.3") && dbp.detail == .readingsUsed(3))
        #expect(bp.score == rd("45.0") && bp.category == "stage_2_hypertension")
        // RHR (75+81+50)/3 = 206/3 = 68.67 → 100 − 30·(26/3)/20 = 87
        let rhr = try F.metric(F.available(doc, .restingHeartRate), .restingHeartRate)
        #expect(rhr.value == rd("68.7") && rhr.score == rd("87.0") && rhr.detail == .readingsUsed(3))
    }

    @Test("one BP reading is enough; fewer than 3 are averaged as they are")
    func singleReading() throws {
        let readings = [BioMetricInput(recorded: F.instant("2025-06-14T08:00:00Z"), systolicBpMmhg: d("121"), diastolicBpMmhg: d("79"), restingHeartRateBpm: d("61"))]
        let tests = [BloodTestInput(testDate: F.date("2025-06-01"), hba1cPercent: d("5.0"))]
        let doc = try F.document(ScoreInputs(userUUID: F.user, asOf: F.asOf, bloodTests: tests, bioMetrics: readings))
        let bp = try F.available(doc, .bloodPressure)
        // SBP 121 → 97.5; DBP 79 → 100; elevated
        #expect(bp.score == rd("97.5") && bp.category == "elevated")
        #expect(try F.metric(bp, .systolicBP).detail == .readingsUsed(1))
    }
}
