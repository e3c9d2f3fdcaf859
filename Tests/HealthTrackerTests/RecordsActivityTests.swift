import Foundation
import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct RecordsActivityTests {
    typealias S = RecordsSupport
    let base = "\"user_uuid\": \"\(RecordsSupport.owner)\", \"date\": \"2025-03-01\""

    static let bounds: [BoundCase] =
        BoundCase.range("steps", "0", "100000", integer: true)
        + BoundCase.range("moderate_minutes", "0", "1440")
        + BoundCase.range("vigorous_minutes", "0", "1440")
        + BoundCase.range("active_minutes", "0", "1440")
        + BoundCase.range("calories_kcal", "0", "20000")
        + BoundCase.range("distance_km", "0", "500")

    @Test(arguments: bounds)
    func fieldBounds(_ c: BoundCase) throws {
        let body = try S.body(base: base, "\"\(c.field)\": \(c.value)")
        let names = S.names { () throws(RecordValidationError) in try ActivityDay.decodeCreate(body) }
        #expect(names == (c.valid ? [] : [c.field]))
    }

    @Test func stepsReasonMatchesTheContract() throws {
        let body = try S.body(base: "\"user_uuid\": \"\(S.owner)\", \"date\": \"01/03/2025\"", "\"steps\": 12.5")
        let error = S.error { () throws(RecordValidationError) in try ActivityDay.decodeCreate(body) }
        #expect(error?.issues == [
            FieldIssue(name: "date", reason: "must be a date as YYYY-MM-DD"),
            FieldIssue(name: "steps", reason: "must be an integer between 0 and 100000"),
        ])
        #expect(error?.detail == "2 fields are invalid")
    }

    @Test func integralNumbersAreIntegers() throws {
        let day = try ActivityDay.decodeCreate(S.body(base: base, "\"steps\": 1e4, \"moderate_minutes\": 12.5"))
        #expect(day.steps == 10000)
        #expect(day.moderateMinutes == S.decimal("12.5"))
    }

    @Test(arguments: [
        ("\"moderate_minutes\": 1000, \"vigorous_minutes\": 440", []),
        ("\"moderate_minutes\": 1000, \"vigorous_minutes\": 440.5", ["moderate_minutes"]),
        ("\"moderate_minutes\": 1440, \"vigorous_minutes\": 0", []),
        ("\"moderate_minutes\": 1441, \"vigorous_minutes\": 100", ["moderate_minutes"]),
    ])
    func moderatePlusVigorous(_ members: String, _ expected: [String]) throws {
        let body = try S.body(base: base, members)
        #expect(S.names { () throws(RecordValidationError) in try ActivityDay.decodeCreate(body) } == expected)
    }

    @Test func needsOneField() throws {
        let body = try S.body(base: base, "")
        #expect(S.names { () throws(RecordValidationError) in try ActivityDay.decodeCreate(body) } == ["body"])
        let zero = try S.body(base: base, "\"steps\": 0")
        #expect(S.names { () throws(RecordValidationError) in try ActivityDay.decodeCreate(zero) } == [])
    }

    @Test func patchNeedsTheDateThatSelectsTheDay() throws {
        let missing = S.error { () throws(RecordValidationError) in try ActivityDay.decodePatch(S.bodyOrNull("{\"steps\": 5}")) }
        #expect(missing?.issues == [FieldIssue(name: "date", reason: "is required")])
        let (date, patch) = try ActivityDay.decodePatch(S.body("{\"date\": \"2025-03-01\", \"steps\": 8000, \"distance_km\": null}"))
        #expect(date == S.date("2025-03-01"))
        #expect(patch.changes == [
            FieldChange(column: "steps", value: .integer(8000)),
            FieldChange(column: "distance_km", value: .null),
        ])
        #expect(patch.change("steps")?.parameterText == "8000")
        #expect(patch.change("distance_km")?.parameterText == nil)
        let onlyDate = S.error { () throws(RecordValidationError) in try ActivityDay.decodePatch(S.bodyOrNull("{\"date\": \"2025-03-01\"}")) }
        #expect(onlyDate?.issues.map(\.name) == ["body"])
    }

    @Test func mergeChecksTheSum() throws {
        let existing = ActivityDay(userUUID: S.ownerUUID, date: S.date("2025-03-01"), moderateMinutes: 1000, vigorousMinutes: 400)
        let (_, patch) = try ActivityDay.decodePatch(S.body("{\"date\": \"2025-03-01\", \"vigorous_minutes\": 441}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: patch) } == ["moderate_minutes"])
        let (_, other) = try ActivityDay.decodePatch(S.body("{\"date\": \"2025-03-02\", \"steps\": 1}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: other) } == ["date"])
    }
}

extension RecordsSupport {
    /// A body for tests that expect the decode itself to fail; a parse failure becomes `null`.
    static func bodyOrNull(_ text: String) -> JSONValue {
        (try? body(text)) ?? .null
    }
}
