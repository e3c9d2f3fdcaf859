import Foundation
import HealthScore
import LambdaHTTP
@testable import HealthTracker
import ScoreTestSupport
import TestTags
import Testing
import UTCTime

/// The worked cases of `docs/health-score-cases.json` (`ScoreCaseFile`) that the engine
/// decides, run through it directly: each case's record POSTs become input structs (no HTTP,
/// no database). The cases whose GET names another user (a malformed, missing or unknown
/// `user_uuid`) are answered by the handler before the engine; `ScoreAPICasesTests` runs those.
@Suite("Score conformance cases (docs/health-score-cases.json)", .tags(.pure))
struct ScoreCasesTests {
    static let caseNames: [String] = ScoreCaseFile.cases.filter { testCase in
        testCase["input"]?.arrayValue?.last?["query"]?["user_uuid"]?.stringValue == "${user_uuid}"
    }.compactMap { $0["name"]?.stringValue }

    @Test("the cases file is found and holds cases for this version")
    func casesFilePresent() throws {
        let document = try ScoreCaseFile.document()
        #expect(document["version"]?.stringValue == HealthScoreEngine.version)
        #expect(Set(ScoreCaseFile.names).count == ScoreCaseFile.names.count, "case names must be unique")
        // The specification's six, the project's hand-computed ones, and the handler's cases.
        #expect(ScoreCaseFile.names.count >= 17)
        #expect(Self.caseNames.count >= 14)
    }

    @Test("case", arguments: caseNames)
    func conformance(name: String) throws {
        let testCase = try #require(ScoreCaseFile.named(name))
        let user = ScoreFixture.user.uuidString.lowercased()
        let calls = try #require(testCase["input"]?.arrayValue).map { $0.substituting("user_uuid", with: user) }
        let expected = try #require(testCase["expected"]).substituting("user_uuid", with: user)
        let status = try #require(expected["status"]?.numberValue)
        let get = try #require(calls.last)
        let asOfText = try #require(get["query"]?["as_of"]?.stringValue)
        guard let asOf = Instant(rfc3339: asOfText) else {
            // A bad parameter is the handler's 400, before any score is computed.
            #expect(status == 400, "as_of \(asOfText) does not parse but the case expects \(status)")
            return
        }
        var inputs = ScoreInputs(userUUID: ScoreFixture.user, asOf: asOf)
        for call in calls.dropLast() where call["method"]?.stringValue == "POST" {
            try Self.add(call, to: &inputs)
        }
        let outcome = try HealthScoreEngine.evaluate(inputs)
        #expect(Decimal(outcome.httpStatus) == status)
        let body = try JSONValue.parse(outcome.jsonBytes())
        let mismatches = try #require(expected["body"]).subsetMismatches(in: body)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    enum CaseError: Error { case badField(String, String) }

    /// One record POST of a case as an engine input.
    static func add(_ call: JSONValue, to inputs: inout ScoreInputs) throws {
        let path = try #require(call["path"]?.stringValue)
        let body = try #require(call["body"])
        func number(_ key: String) -> Decimal? { body[key]?.numberValue }
        func instant(_ key: String) throws -> Instant? {
            guard let text = body[key]?.stringValue else { return nil }
            guard let value = Instant(rfc3339: text) else { throw CaseError.badField(key, text) }
            return value
        }
        func date(_ key: String) throws -> CalendarDate? {
            guard let text = body[key]?.stringValue else { return nil }
            guard let value = CalendarDate(text) else { throw CaseError.badField(key, text) }
            return value
        }
        switch path {
        case "/api/users/":
            break
        case "/api/blood-tests/":
            inputs.bloodTests.append(BloodTestInput(
                testDate: try #require(try date("test_date")),
                fastingGlucoseMgDl: number("fasting_glucose_mg_dl"), hba1cPercent: number("hba1c_percent"),
                totalCholesterolMgDl: number("total_cholesterol_mg_dl"), ldlCholesterolMgDl: number("ldl_cholesterol_mg_dl"),
                hdlCholesterolMgDl: number("hdl_cholesterol_mg_dl"), triglyceridesMgDl: number("triglycerides_mg_dl")
            ))
        case "/api/bio-metrics/":
            inputs.bioMetrics.append(BioMetricInput(
                recorded: try #require(try instant("recorded")),
                weightKg: number("weight_kg"), heightCm: number("height_cm"),
                systolicBpMmhg: number("systolic_bp_mmhg"), diastolicBpMmhg: number("diastolic_bp_mmhg"),
                restingHeartRateBpm: number("resting_heart_rate_bpm")
            ))
        case "/api/physical-activity/":
            inputs.activityDays.append(ActivityDayInput(
                date: try #require(try date("date")),
                steps: number("steps").map { NSDecimalNumber(decimal: $0).intValue },
                moderateMinutes: number("moderate_minutes"), vigorousMinutes: number("vigorous_minutes"),
                activeMinutes: number("active_minutes")
            ))
        case "/api/sleep-activity/":
            let end = try instant("end_time")
            // The wake-up day: given, or the UTC date of end_time (spec §1).
            let day = try #require(try date("date") ?? end?.date)
            inputs.sleepNights.append(SleepNightInput(
                date: day, startTime: try instant("start_time"), endTime: end,
                totalSleepMinutes: number("total_sleep_minutes"), deepMinutes: number("deep_minutes"),
                remMinutes: number("rem_minutes"), lightMinutes: number("light_minutes"),
                awakeMinutes: number("awake_minutes"), efficiencyPercent: number("efficiency_percent")
            ))
        default:
            Issue.record("unknown record path \(path)")
        }
    }
}
