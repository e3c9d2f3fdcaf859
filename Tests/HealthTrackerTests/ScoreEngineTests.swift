import Foundation
@testable import HealthTracker
import TestTags
import Testing
import UTCTime

private typealias F = ScoreFixture

@Suite("Score engine: components, the ≥ 3 rule, output and determinism (spec §5, §7)", .tags(.pure))
struct ScoreEngineTests {
    /// BP 110/70 and RHR 60 (filler) + HbA1c 5.0: exactly 3 components, all scoring 100.
    static let threeComponents = ScoreInputs(
        userUUID: F.user, asOf: F.asOf,
        bloodTests: [BloodTestRecord(testDate: F.date("2025-06-01"), hba1cPercent: d("5.0"))],
        bioMetrics: F.fillerReadings
    )

    @Test("exactly 3 components → a score; the full document, byte for byte")
    func threeComponentsDocument() throws {
        let outcome = try F.evaluate(Self.threeComponents)
        #expect(outcome.httpStatus == 200)
        #expect(outcome.contentType == "application/json")
        // Coverage 15 + 15 + 10 = 40; effective weights 1500/40 = 37.5 and 1000/40 = 25.
        let expected = #"{"user_uuid":"9d24e790-d646-4d0d-ba50-b95153eb6ec4","version":"health-score-v1.0.0","#
            + #""as_of":"2025-06-15T12:00:00Z","score":100.0,"band":"high","coverage_percent":40,"components":{"#
            + #""activity":{"status":"missing","weight":15,"reason":"no_data_in_window"},"#
            + #""sleep":{"status":"missing","weight":15,"reason":"no_data_in_window"},"#
            + #""body_mass_index":{"status":"missing","weight":15,"reason":"no_data_in_window"},"#
            + #""blood_pressure":{"status":"available","score":100.0,"weight":15,"effective_weight_percent":37.5,"contribution":37.5,"category":"normal","#
            + #""missing_metrics":[],"metrics":{"systolic_bp_mmhg":{"value":110.0,"score":100.0,"readings_used":1},"diastolic_bp_mmhg":{"value":70.0,"score":100.0,"readings_used":1}}},"#
            + #""glucose":{"status":"available","score":100.0,"weight":15,"effective_weight_percent":37.5,"contribution":37.5,"#
            + #""missing_metrics":[{"metric":"fasting_glucose_mg_dl","reason":"no_data_in_window"}],"#
            + #""metrics":{"hba1c_percent":{"value":5.0,"score":100.0,"category":"normal","test_date":"2025-06-01"}}},"#
            + #""lipids":{"status":"missing","weight":15,"reason":"no_data_in_window"},"#
            + #""resting_heart_rate":{"status":"available","score":100.0,"weight":10,"effective_weight_percent":25.0,"contribution":25.0,"#
            + #""missing_metrics":[],"metrics":{"resting_heart_rate_bpm":{"value":60.0,"score":100.0,"category":"normal","readings_used":1}}}},"#
            + #""missing_components":[{"component":"activity","reason":"no_data_in_window"},{"component":"sleep","reason":"no_data_in_window"},"#
            + #"{"component":"body_mass_index","reason":"no_data_in_window"},{"component":"lipids","reason":"no_data_in_window"}],"#
            + #""windows":{"physical_activity":{"start_date":"2025-06-08","end_date":"2025-06-14"},"#
            + #""sleep_activity":{"start_date":"2025-06-08","end_date":"2025-06-14"},"#
            + #""blood_tests":{"start_date":"2024-06-16","end_date":"2025-06-15"},"#
            + #""bio_metrics":{"start":"2025-03-18T00:00:00Z","end":"2025-06-15T12:00:00Z"}}}"#
        #expect(outcome.jsonText() == expected)
        #expect(outcome.jsonBytes() == Array(expected.utf8))
    }

    @Test("2 components → 422 problem, byte for byte, with the request id last")
    func twoComponentsProblem() throws {
        var inputs = Self.threeComponents
        inputs.bloodTests = []
        let outcome = try F.evaluate(inputs)
        #expect(outcome.httpStatus == 422)
        #expect(outcome.contentType == "application/problem+json")
        let expected = #"{"type":"/problems/insufficient-data","title":"Insufficient data for a health score","status":422,"#
            + #""detail":"2 of 7 components have data; a score needs at least 3","version":"health-score-v1.0.0","#
            + #""as_of":"2025-06-15T12:00:00Z","available_components":["blood_pressure","resting_heart_rate"],"#
            + #""missing_components":[{"component":"activity","reason":"no_data_in_window"},{"component":"sleep","reason":"no_data_in_window"},"#
            + #"{"component":"body_mass_index","reason":"no_data_in_window"},{"component":"glucose","reason":"no_data_in_window"},"#
            + #"{"component":"lipids","reason":"no_data_in_window"}],"#
            + #""windows":{"physical_activity":{"start_date":"2025-06-08","end_date":"2025-06-14"},"#
            + #""sleep_activity":{"start_date":"2025-06-08","end_date":"2025-06-14"},"#
            + #""blood_tests":{"start_date":"2024-06-16","end_date":"2025-06-15"},"#
            + #""bio_metrics":{"start":"2025-03-18T00:00:00Z","end":"2025-06-15T12:00:00Z"}},"#
            + #""request_id":"c6af9ac6-7b61-11e6-9a41-93e8deadbeef"}"#
        #expect(outcome.jsonText(requestID: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef") == expected)
    }

    @Test("no records at all → 422 with all 7 missing")
    func nothing() throws {
        let outcome = try F.evaluate(ScoreInputs(userUUID: F.user, asOf: F.asOf))
        guard case .insufficientData(let problem) = outcome else { Issue.record("expected 422"); return }
        #expect(problem.availableComponents.isEmpty)
        #expect(problem.missingComponents.map(\.component) == ComponentName.allCases)
    }

    @Test("the as_of in the output is UTC even when given with an offset")
    func asOfInUTC() throws {
        var inputs = Self.threeComponents
        inputs.asOf = F.instant("2025-06-15T14:00:00+02:00")
        let doc = try F.document(inputs)
        #expect(doc.jsonText.contains(#""as_of":"2025-06-15T12:00:00Z""#))
    }

    @Test("band from the rounded score", arguments: [
        (799, ScoreBand.moderate), (800, .high), (1000, .high), (500, .moderate), (499, .low), (0, .low),
    ])
    func band(tenths: Int, expected: ScoreBand) {
        #expect(ScoreBand(roundedScore: RoundedDecimal(tenths: tenths)) == expected)
    }

    // MARK: Determinism

    static func fullInputs() -> ScoreInputs {
        let w = F.weekDays
        return ScoreInputs(
            userUUID: F.user, asOf: F.asOf,
            bloodTests: [
                BloodTestRecord(testDate: F.date("2025-06-01"), hdlCholesterolMgDl: d("38"), triglyceridesMgDl: d("180")),
                BloodTestRecord(testDate: F.date("2025-02-01"), fastingGlucoseMgDl: d("113"), hba1cPercent: d("5.9"), totalCholesterolMgDl: d("210"), hdlCholesterolMgDl: d("50")),
                BloodTestRecord(testDate: F.date("2024-01-01"), fastingGlucoseMgDl: d("300")),
            ],
            bioMetrics: [
                BioMetricRecord(recorded: F.instant("2025-06-10T07:30:00Z"), weightKg: d("84.24"), heightCm: d("180"), systolicBpMmhg: d("128"), diastolicBpMmhg: d("82"), restingHeartRateBpm: d("68")),
                BioMetricRecord(recorded: F.instant("2025-05-20T07:30:00Z"), systolicBpMmhg: d("124"), diastolicBpMmhg: d("78"), restingHeartRateBpm: d("72")),
                BioMetricRecord(recorded: F.instant("2025-04-01T07:30:00Z"), systolicBpMmhg: d("126"), diastolicBpMmhg: d("80"), restingHeartRateBpm: d("70")),
                BioMetricRecord(recorded: F.instant("2025-03-20T07:30:00Z"), systolicBpMmhg: d("160"), diastolicBpMmhg: d("100")),
                BioMetricRecord(recorded: F.instant("2018-01-01T07:30:00Z"), heightCm: d("181")),
            ],
            activityDays: w.enumerated().map { i, day in
                ActivityDayRecord(date: day, steps: 6000 + 731 * i, moderateMinutes: i % 2 == 0 ? d("20.5") : nil, vigorousMinutes: i % 3 == 0 ? d("7") : nil, activeMinutes: d("33"))
            },
            sleepNights: w.enumerated().map { i, day in
                SleepNightRecord(date: day, startTime: day.startInstant.adding(microseconds: -Int64(3_600_000_000 + 61_000_000 * i)), endTime: day.startInstant.adding(microseconds: 6 * 3_600_000_000 + 7_000_000 * Int64(i)), awakeMinutes: i % 2 == 0 ? d("31") : nil)
            }
        )
    }

    @Test("the same records in any order give byte-identical JSON", arguments: 0..<8)
    func orderIndependence(seed: Int) throws {
        let base = Self.fullInputs()
        let reference = try F.evaluate(base).jsonBytes()
        var generator = SplitMix(seed: UInt64(seed))
        var shuffled = base
        shuffled.bloodTests.shuffle(using: &generator)
        shuffled.bioMetrics.shuffle(using: &generator)
        shuffled.activityDays.shuffle(using: &generator)
        shuffled.sleepNights.shuffle(using: &generator)
        #expect(try F.evaluate(shuffled).jsonBytes() == reference)
        // A record given twice (the window read and the latest-height read) counts once.
        shuffled.bioMetrics.append(base.bioMetrics[0])
        shuffled.sleepNights.append(base.sleepNights[2])
        #expect(try F.evaluate(shuffled).jsonBytes() == reference)
    }

    @Test("full inputs: all 7 components present, sleep efficiency timed to the second stays exact")
    func fullDocument() throws {
        let doc = try F.document(Self.fullInputs())
        #expect(doc.coveragePercent == 100)
        #expect(doc.missingComponents.isEmpty)
        #expect(doc.components.map(\.component) == ComponentName.allCases)
        let sleep = try F.available(doc, .sleep)
        #expect(try F.metric(sleep, .meanSleepEfficiencyPercent).detail == .daysWithData(4))
        // BP uses the latest 3 of 4 readings: the 160/100 one is out.
        #expect(try F.metric(F.available(doc, .bloodPressure), .systolicBP).value == rd("126.0"))
        // Height 180 (2025-06-10) is later than 181 (2018).
        guard case .bodyMass(_, let height, _, _) = try F.metric(F.available(doc, .bodyMassIndex), .bmi).detail else {
            Issue.record("no body-mass detail"); return
        }
        #expect(height == rd("180.0"))
    }

    @Test("two different records with one key are an error, not a guess")
    func conflictingDuplicate() {
        var inputs = Self.threeComponents
        inputs.bloodTests.append(BloodTestRecord(testDate: F.date("2025-06-01"), hba1cPercent: d("6.0")))
        #expect(throws: ScoreError.self) { try HealthScoreEngine.evaluate(inputs) }
        do {
            _ = try HealthScoreEngine.evaluate(inputs)
        } catch {
            #expect(error.code == .duplicateRecord)
        }
    }

    @Test("a NaN measurement or a sleep night ending before it starts is reported, not trapped")
    func brokenPreconditions() {
        var nan = Self.threeComponents
        nan.bloodTests[0].hba1cPercent = Decimal.nan
        #expect(throws: ScoreError(.invalidNumber, "a measurement is not a finite number")) { try HealthScoreEngine.evaluate(nan) }
        var backwards = Self.threeComponents
        backwards.sleepNights = [SleepNightRecord(date: F.weekDays[0], startTime: F.instant("2025-06-08T07:00:00Z"), endTime: F.instant("2025-06-08T06:00:00Z"))]
        do {
            _ = try HealthScoreEngine.evaluate(backwards)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidRecord)
        }
    }
}

/// A seeded generator so shuffles are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
