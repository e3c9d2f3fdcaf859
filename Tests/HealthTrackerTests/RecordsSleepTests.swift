import Foundation
import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct RecordsSleepTests {
    typealias S = RecordsSupport
    let owner = "\"user_uuid\": \"\(RecordsSupport.owner)\""
    /// A night in bed from 23:00 to 07:00 UTC: 480 minutes.
    let times = "\"start_time\": \"2025-03-01T23:00:00Z\", \"end_time\": \"2025-03-02T08:00:00+01:00\""

    static let bounds: [BoundCase] =
        BoundCase.range("total_sleep_minutes", "0", "1440", companion: "\"date\": \"2025-03-02\"")
        + ["deep_minutes", "rem_minutes", "light_minutes", "awake_minutes"].flatMap {
            BoundCase.range($0, "0", "1440", companion: "\"date\": \"2025-03-02\", \"total_sleep_minutes\": 400")
        }
        + BoundCase.range("awakenings", "0", "200", integer: true, companion: "\"date\": \"2025-03-02\", \"total_sleep_minutes\": 400")
        + BoundCase.range("efficiency_percent", "0", "100", companion: "\"date\": \"2025-03-02\", \"total_sleep_minutes\": 400")

    func names(_ members: String) throws -> [String] {
        let body = try S.body(base: owner, members)
        return S.names { () throws(RecordValidationError) in try SleepNight.decodeCreate(body) }
    }

    @Test(arguments: bounds)
    func fieldBounds(_ c: BoundCase) throws {
        #expect(try names(c.companion + ", \"\(c.field)\": \(c.value)") == (c.valid ? [] : [c.field]))
    }

    @Test func derivesTheDateFromEndTime() throws {
        let night = try SleepNight.decodeCreate(S.body(base: owner, times))
        #expect(night.date == S.date("2025-03-02"))
        #expect(night.timeInBedMicroseconds == Int64(480 * 60_000_000))
        #expect(night.endTime?.rfc3339 == "2025-03-02T07:00:00Z")
        let late = try SleepNight.decodeCreate(S.body(base: owner, """
            "start_time": "2025-03-01T20:00:00-05:00", "end_time": "2025-03-01T23:30:00-05:00"
            """))
        #expect(late.date == S.date("2025-03-02"))  // 04:30 UTC on the 2nd
    }

    @Test(arguments: [
        ("\"date\": \"2025-03-02\"", [String]()),
        ("\"date\": \"2025-03-01\"", ["date"]),
        ("\"date\": null", []),
    ])
    func givenDateMustMatch(_ date: String, _ expected: [String]) throws {
        #expect(try names(times + ", " + date) == expected)
    }

    @Test(arguments: [
        // Both or neither.
        ("\"start_time\": \"2025-03-01T23:00:00Z\", \"date\": \"2025-03-02\", \"total_sleep_minutes\": 400", ["end_time"]),
        ("\"end_time\": \"2025-03-02T07:00:00Z\", \"total_sleep_minutes\": 400", ["start_time"]),
        // end > start; TIB at most 1440 minutes.
        ("\"start_time\": \"2025-03-02T07:00:00Z\", \"end_time\": \"2025-03-02T07:00:00Z\"", ["end_time"]),
        ("\"start_time\": \"2025-03-02T07:00:01Z\", \"end_time\": \"2025-03-02T07:00:00Z\"", ["end_time"]),
        ("\"start_time\": \"2025-03-01T07:00:00Z\", \"end_time\": \"2025-03-02T07:00:00Z\"", []),
        ("\"start_time\": \"2025-03-01T06:59:59.999999Z\", \"end_time\": \"2025-03-02T07:00:00Z\"", ["end_time"]),
        // Without times: date and total required.
        ("\"total_sleep_minutes\": 400", ["date"]),
        ("\"date\": \"2025-03-02\"", ["total_sleep_minutes"]),
        ("\"date\": \"2025-03-02\", \"efficiency_percent\": 90", ["total_sleep_minutes"]),
        ("", ["date", "total_sleep_minutes"]),
    ])
    func timesAndRequiredFields(_ members: String, _ expected: [String]) throws {
        #expect(try names(members) == expected)
    }

    @Test(arguments: [
        ("\"total_sleep_minutes\": 480", [String]()),
        ("\"total_sleep_minutes\": 480.01", ["total_sleep_minutes"]),
        ("\"awake_minutes\": 480", []),
        ("\"awake_minutes\": 480.5", ["awake_minutes"]),
        ("\"deep_minutes\": 100, \"rem_minutes\": 100, \"light_minutes\": 280", []),
        ("\"deep_minutes\": 100, \"rem_minutes\": 100, \"light_minutes\": 280.01", ["deep_minutes"]),
        ("\"rem_minutes\": 200, \"light_minutes\": 281", ["rem_minutes"]),
    ])
    func minutesWithinTimeInBed(_ members: String, _ expected: [String]) throws {
        #expect(try names(times + ", " + members) == expected)
    }

    @Test(arguments: [
        ("\"deep_minutes\": 400, \"rem_minutes\": 400, \"light_minutes\": 640", [String]()),
        ("\"deep_minutes\": 400, \"rem_minutes\": 400, \"light_minutes\": 640.5", ["deep_minutes"]),
        ("\"awake_minutes\": 1440", []),
    ])
    func stagesWithinADayWithoutTimes(_ members: String, _ expected: [String]) throws {
        #expect(try names("\"date\": \"2025-03-02\", \"total_sleep_minutes\": 400, " + members) == expected)
    }

    @Test func brokenTimesDoNotPileUpIssues() throws {
        #expect(try names("\"start_time\": \"yesterday\", \"end_time\": \"2025-03-02T07:00:00Z\", \"total_sleep_minutes\": 2000")
            == ["start_time", "total_sleep_minutes"])
    }

    @Test func patchCannotMoveTheNight() throws {
        let existing = try SleepNight.decodeCreate(S.body(base: owner, times + ", \"total_sleep_minutes\": 420"))
        let (date, shift) = try SleepNight.decodePatch(S.body("""
            {"date": "2025-03-02", "start_time": "2025-03-02T22:00:00Z", "end_time": "2025-03-03T06:00:00Z"}
            """))
        #expect(date == existing.date)
        let error = S.error { () throws(RecordValidationError) in try existing.merged(with: shift) }
        #expect(error?.issues == [FieldIssue(name: "end_time", reason: "must fall on the record's date 2025-03-02 (UTC)")])

        let (_, earlier) = try SleepNight.decodePatch(S.body("""
            {"date": "2025-03-02", "start_time": "2025-03-01T22:00:00Z", "end_time": "2025-03-02T06:00:00Z"}
            """))
        let merged = try existing.merged(with: earlier)
        #expect(merged.startTime == S.instant("2025-03-01T22:00:00Z"))
        #expect(merged.totalSleepMinutes == 420)
    }

    @Test func patchRevalidatesAgainstTimeInBed() throws {
        let existing = try SleepNight.decodeCreate(S.body(base: owner, times + ", \"total_sleep_minutes\": 420"))
        let (_, shorter) = try SleepNight.decodePatch(S.body("""
            {"date": "2025-03-02", "start_time": "2025-03-02T01:00:00Z"}
            """))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: shorter) } == ["total_sleep_minutes"])
        let (_, oneTime) = try SleepNight.decodePatch(S.body("{\"date\": \"2025-03-02\", \"start_time\": null}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: oneTime) } == ["start_time"])
        let (_, noTimes) = try SleepNight.decodePatch(S.body("""
            {"date": "2025-03-02", "start_time": null, "end_time": null, "total_sleep_minutes": null}
            """))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: noTimes) } == ["total_sleep_minutes"])
    }

    @Test func encodesEveryMember() throws {
        var night = try SleepNight.decodeCreate(S.body(base: owner, times + ", \"awakenings\": 2, \"efficiency_percent\": 91.5"))
        night.createdAt = S.instant("2025-03-02T08:00:00Z")
        night.updatedAt = S.instant("2025-03-02T08:00:00Z")
        #expect(night.jsonText == """
            {"user_uuid":"\(S.owner)","date":"2025-03-02","start_time":"2025-03-01T23:00:00Z",\
            "end_time":"2025-03-02T07:00:00Z","total_sleep_minutes":null,"deep_minutes":null,"rem_minutes":null,\
            "light_minutes":null,"awake_minutes":null,"awakenings":2,"efficiency_percent":91.5,\
            "created_at":"2025-03-02T08:00:00Z","updated_at":"2025-03-02T08:00:00Z"}
            """)
    }
}
