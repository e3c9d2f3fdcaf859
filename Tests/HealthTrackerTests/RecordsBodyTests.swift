import Foundation
@testable import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

/// Rules every record body shares: the body's shape, unknown and read-only fields, all issues at once.
@Suite(.tags(.pure)) struct RecordsBodyTests {
    typealias S = RecordsSupport

    static let decoders: [(String, @Sendable (JSONValue) throws(RecordValidationError) -> Void)] = [
        ("blood_tests", { body throws(RecordValidationError) in _ = try BloodTest.decodeCreate(body) }),
        ("bio_metrics", { body throws(RecordValidationError) in _ = try BioMetricReading.decodeCreate(body) }),
        ("physical_activity", { body throws(RecordValidationError) in _ = try ActivityDay.decodeCreate(body) }),
        ("sleep_activity", { body throws(RecordValidationError) in _ = try SleepNight.decodeCreate(body) }),
        ("users", { body throws(RecordValidationError) in
            _ = try User.decodeCreate(body, userUUID: RecordsSupport.ownerUUID, today: CalendarDate("2025-03-01")!)
        }),
        ("blood_tests patch", { body throws(RecordValidationError) in _ = try BloodTest.decodePatch(body) }),
        ("bio_metrics patch", { body throws(RecordValidationError) in _ = try BioMetricReading.decodePatch(body) }),
        ("physical_activity patch", { body throws(RecordValidationError) in _ = try ActivityDay.decodePatch(body) }),
        ("sleep_activity patch", { body throws(RecordValidationError) in _ = try SleepNight.decodePatch(body) }),
        ("users patch", { body throws(RecordValidationError) in _ = try User.decodePatch(body) }),
    ]

    @Test(arguments: ["[]", "[{}]", "\"text\"", "42", "null", "true"])
    func aBodyThatIsNotAnObjectIsA400(_ text: String) throws {
        let body = try S.body(text)
        for (name, decode) in Self.decoders {
            let error = S.error { () throws(RecordValidationError) in try decode(body) }
            #expect(error?.code == .notAnObject, "\(name)")
            #expect(error?.status == 400, "\(name)")
        }
    }

    @Test func unknownAndReadOnlyFieldsAreNamedEverywhere() throws {
        let body = try S.body("{\"wieght_kg\": 80, \"created_at\": \"2025-03-01T00:00:00Z\"}")
        for (name, decode) in Self.decoders {
            let issues = S.error { () throws(RecordValidationError) in try decode(body) }?.issues ?? []
            #expect(issues.contains(FieldIssue(name: "wieght_kg", reason: "is not a known field")), "\(name)")
            #expect(issues.contains(FieldIssue(name: "created_at", reason: "is read-only")), "\(name)")
        }
    }

    @Test func threeBrokenFieldsGiveThreeIssues() throws {
        let body = try S.body("""
            {"user_uuid": "\(S.owner)", "date": "2025-03-01", "steps": 10.5, "distance_km": "3", "calories": 200}
            """)
        let error = S.error { () throws(RecordValidationError) in try ActivityDay.decodeCreate(body) }
        #expect(error?.code == .invalidBody)
        #expect(error?.issues == [
            FieldIssue(name: "steps", reason: "must be an integer between 0 and 100000"),
            FieldIssue(name: "distance_km", reason: "must be a number between 0 and 500"),
            FieldIssue(name: "calories", reason: "is not a known field"),
        ])
        #expect(error?.detail == "3 fields are invalid")
    }

    @Test func patchRejectsReadOnlyAndNullKeys() throws {
        let error = S.error { () throws(RecordValidationError) in
            try BloodTest.decodePatch(S.bodyOrNull("{\"updated_at\": null, \"test_date\": null, \"hba1c_percent\": 5}"))
        }
        #expect(error?.issues == [
            FieldIssue(name: "test_date", reason: "cannot be changed"),
            FieldIssue(name: "updated_at", reason: "is read-only"),
        ])
    }

    @Test func encodingRoundTrips() throws {
        let text = """
            {"user_uuid": "\(S.owner)", "recorded": "2025-03-01T07:30:00.25+01:00", "weight_kg": 82.35,
             "height_cm": 181.0, "systolic_bp_mmhg": 118, "diastolic_bp_mmhg": 76.5, "spo2_percent": 97}
            """
        var reading = try BioMetricReading.decodeCreate(S.body(text))
        reading.createdAt = S.instant("2025-03-01T06:31:00Z")
        reading.updatedAt = S.instant("2025-03-02T06:31:00.000001Z")
        let encoded = try #require(try S.body(reading.jsonText).objectValue)
        #expect(encoded["recorded"] == .string("2025-03-01T06:30:00.25Z"))
        #expect(encoded["weight_kg"] == .number(JSONNumber(S.decimal("82.35"))))
        #expect(encoded["resting_heart_rate_bpm"] == .null)
        #expect(encoded["updated_at"] == .string("2025-03-02T06:31:00.000001Z"))
        #expect(encoded.count == 11)
        var writable = encoded
        writable["created_at"] = nil
        writable["updated_at"] = nil
        var again = try BioMetricReading.decodeCreate(.object(writable))
        again.createdAt = reading.createdAt
        again.updatedAt = reading.updatedAt
        #expect(again == reading)
        #expect(again.jsonText == reading.jsonText)
    }

    @Test func pageWrapsItems() throws {
        let day = ActivityDay(userUUID: S.ownerUUID, date: S.date("2025-03-01"), steps: 5)
        let page = HTTPResponse.page(items: [day.jsonValue], nextCursor: ListCursor(resource: .physicalActivity, key: day.recordKey).token)
        let object = try #require(try S.body(String(decoding: page.body, as: UTF8.self)).objectValue)
        #expect(object["next_cursor"] == .string(ListCursor(resource: .physicalActivity, key: day.recordKey).token))
        #expect(object["items"] == .array([day.jsonValue]))
        #expect(HTTPResponse.page(items: [], nextCursor: nil).body == Array("{\"items\":[],\"next_cursor\":null}".utf8))
    }

    @Test func columnsFollowTheResponseOrder() throws {
        let night = SleepNight(userUUID: S.ownerUUID, date: S.date("2025-03-02"), totalSleepMinutes: 420, awakenings: 3)
        #expect(night.writableColumns.map(\.column) == SleepNight.writableColumnNames)
        #expect(SleepNight.writableColumnNames == [
            "user_uuid", "date", "start_time", "end_time", "total_sleep_minutes", "deep_minutes", "rem_minutes",
            "light_minutes", "awake_minutes", "awakenings", "efficiency_percent",
        ])
        #expect(night.writableColumns.map(\.value.parameterText) == [
            S.owner, "2025-03-02", nil, nil, "420", nil, nil, nil, nil, "3", nil,
        ])
        let user = User(userUUID: S.ownerUUID, email: "a@b", fullName: "A", sex: .other)
        #expect(User.writableColumnNames == ["user_uuid", "email", "full_name", "date_of_birth", "sex"])
        #expect(user.writableColumns.map(\.value) == [.uuid(S.ownerUUID), .text("a@b"), .text("A"), .null, .text("other")])
        func keys(_ json: String) throws -> [String] {
            // The member set; their order is checked on the text below and in the encoding tests.
            try #require(try S.body(json).objectValue).keys.sorted()
        }
        #expect(try keys(night.jsonText) == (SleepNight.writableColumnNames + ["created_at", "updated_at"]).sorted())
        #expect(BloodTest.writableColumnNames.prefix(2) == ["user_uuid", "test_date"])
        #expect(BioMetricReading.writableColumnNames.prefix(2) == ["user_uuid", "recorded"])
        #expect(ActivityDay.writableColumnNames.prefix(2) == ["user_uuid", "date"])
        #expect(night.jsonText.hasPrefix("{\"user_uuid\":\"\(S.owner)\",\"date\":\"2025-03-02\",\"start_time\":null,"))
    }
}
