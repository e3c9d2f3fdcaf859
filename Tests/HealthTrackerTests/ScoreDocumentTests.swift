import HealthScore
import HealthTracker
import ScoreTestSupport
import TestTags
import Testing

private typealias F = ScoreFixture

/// The score's response bodies as the endpoint writes them: the 200 document and the 422
/// problem, byte for byte, and the same bytes whatever the order of the inputs.
@Suite("Score document: the 200 and 422 bodies (spec §7)", .tags(.pure))
struct ScoreDocumentTests {
    @Test("exactly 3 components → a score; the full document, byte for byte")
    func threeComponentsDocument() throws {
        let outcome = try HealthScoreEngine.evaluate(F.threeComponents)
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
        var inputs = F.threeComponents
        inputs.bloodTests = []
        let outcome = try HealthScoreEngine.evaluate(inputs)
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

    @Test("the as_of in the output is UTC even when given with an offset")
    func asOfInUTC() throws {
        var inputs = F.threeComponents
        inputs.asOf = F.instant("2025-06-15T14:00:00+02:00")
        guard case .score(let doc) = try HealthScoreEngine.evaluate(inputs) else { Issue.record("expected a score"); return }
        #expect(doc.jsonText.contains(#""as_of":"2025-06-15T12:00:00Z""#))
    }

    @Test("the same records in any order give byte-identical JSON", arguments: 0..<8)
    func orderIndependence(seed: Int) throws {
        let base = F.fullInputs()
        let reference = try HealthScoreEngine.evaluate(base).jsonBytes()
        var generator = SplitMix(seed: UInt64(seed))
        var shuffled = base
        shuffled.bloodTests.shuffle(using: &generator)
        shuffled.bioMetrics.shuffle(using: &generator)
        shuffled.activityDays.shuffle(using: &generator)
        shuffled.sleepNights.shuffle(using: &generator)
        #expect(try HealthScoreEngine.evaluate(shuffled).jsonBytes() == reference)
        // A record given twice (the window read and the latest-height read) counts once.
        shuffled.bioMetrics.append(base.bioMetrics[0])
        shuffled.sleepNights.append(base.sleepNights[2])
        #expect(try HealthScoreEngine.evaluate(shuffled).jsonBytes() == reference)
    }
}
