import Foundation
import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct RecordsBloodTestTests {
    typealias S = RecordsSupport
    let base = "\"user_uuid\": \"\(RecordsSupport.owner)\", \"test_date\": \"2025-03-01\""

    static let bounds: [BoundCase] =
        BoundCase.range("fasting_glucose_mg_dl", "20", "1000")
        + BoundCase.range("hba1c_percent", "3.0", "20.0")
        + BoundCase.range("total_cholesterol_mg_dl", "50", "1000")
        + BoundCase.range("ldl_cholesterol_mg_dl", "10", "900")
        + BoundCase.range("hdl_cholesterol_mg_dl", "5", "250")
        + BoundCase.range("triglycerides_mg_dl", "10", "10000")
        + BoundCase.range("hemoglobin_g_dl", "3", "25")

    @Test(arguments: bounds)
    func fieldBounds(_ c: BoundCase) throws {
        let body = try S.body(base: base, "\"\(c.field)\": \(c.value)")
        let error = S.error { () throws(RecordValidationError) in try BloodTest.decodeCreate(body) }
        if c.valid {
            #expect(error == nil)
        } else {
            #expect(error?.code == .invalidBody)
            #expect(error?.issues.map(\.name) == [c.field])
        }
    }

    @Test func rangeReasonsUseTheSpecBounds() throws {
        let body = try S.body(base: base, "\"hba1c_percent\": 2.9")
        let error = S.error { () throws(RecordValidationError) in try BloodTest.decodeCreate(body) }
        #expect(error?.issues == [FieldIssue(name: "hba1c_percent", reason: "must be a number between 3.0 and 20.0")])
        #expect(error?.status == 422)
        #expect(error?.detail == "1 field is invalid")
    }

    @Test func decodesEveryFieldExactly() throws {
        let body = try S.body(base: base, """
            "fasting_glucose_mg_dl": 92.5, "hba1c_percent": 5.4, "total_cholesterol_mg_dl": 182.35,
            "ldl_cholesterol_mg_dl": 110, "hdl_cholesterol_mg_dl": 52, "triglycerides_mg_dl": 98,
            "hemoglobin_g_dl": 14.1
            """)
        let test = try BloodTest.decodeCreate(body)
        #expect(test.userUUID == S.ownerUUID)
        #expect(test.testDate == S.date("2025-03-01"))
        #expect(test.totalCholesterolMgDl == S.decimal("182.35"))
        #expect(test.totalCholesterolMgDl?.description == "182.35")
        #expect(test.fastingGlucoseMgDl == S.decimal("92.5"))
        #expect(test.hemoglobinGDl == S.decimal("14.1"))
        #expect(test.createdAt == nil)
    }

    @Test func requiresKeysAndOneAnalyte() throws {
        let body = try S.body("{}")
        let error = S.error { () throws(RecordValidationError) in try BloodTest.decodeCreate(body) }
        #expect(error?.issues.map(\.name) == ["user_uuid", "test_date", "body"])
        #expect(error?.issues.last?.reason.hasPrefix("must hold at least one analyte") == true)
    }

    @Test(arguments: [
        ("\"ldl_cholesterol_mg_dl\": 150, \"total_cholesterol_mg_dl\": 150", ["ldl_cholesterol_mg_dl"]),
        ("\"ldl_cholesterol_mg_dl\": 149.99, \"total_cholesterol_mg_dl\": 150", []),
        ("\"hdl_cholesterol_mg_dl\": 60, \"total_cholesterol_mg_dl\": 60", ["hdl_cholesterol_mg_dl"]),
        ("\"hdl_cholesterol_mg_dl\": 59, \"total_cholesterol_mg_dl\": 60", []),
        ("\"hdl_cholesterol_mg_dl\": 200, \"ldl_cholesterol_mg_dl\": 300, \"total_cholesterol_mg_dl\": 190",
         ["ldl_cholesterol_mg_dl", "hdl_cholesterol_mg_dl"]),
        ("\"hdl_cholesterol_mg_dl\": 200, \"ldl_cholesterol_mg_dl\": 300", []),
    ])
    func lipidsBelowTotal(_ members: String, _ expected: [String]) throws {
        let body = try S.body(base: base, members)
        #expect(S.names { () throws(RecordValidationError) in try BloodTest.decodeCreate(body) } == expected)
    }

    @Test func keysAreTypeChecked() throws {
        let body = try S.body("""
            {"user_uuid": "not-a-uuid", "test_date": "2025-02-30", "hba1c_percent": 5}
            """)
        let error = S.error { () throws(RecordValidationError) in try BloodTest.decodeCreate(body) }
        #expect(error?.issues == [
            FieldIssue(name: "user_uuid", reason: "must be a UUID"),
            FieldIssue(name: "test_date", reason: "must be a date as YYYY-MM-DD"),
        ])
    }

    @Test func patchKeepsClearsAndSets() throws {
        let existing = BloodTest(
            userUUID: S.ownerUUID, testDate: S.date("2025-03-01"),
            hba1cPercent: S.decimal("5.4"), totalCholesterolMgDl: 200, hdlCholesterolMgDl: 50,
            createdAt: S.instant("2025-03-01T10:00:00Z"), updatedAt: S.instant("2025-03-01T10:00:00Z"))
        let patch = try BloodTest.decodePatch(S.body("""
            {"hba1c_percent": null, "fasting_glucose_mg_dl": 95, "test_date": "2025-03-01"}
            """))
        #expect(patch.changes == [
            FieldChange(column: "fasting_glucose_mg_dl", value: .decimal(95)),
            FieldChange(column: "hba1c_percent", value: .null),
        ])
        let merged = try existing.merged(with: patch)
        #expect(merged.hba1cPercent == nil)
        #expect(merged.fastingGlucoseMgDl == 95)
        #expect(merged.totalCholesterolMgDl == 200)
        #expect(merged.hdlCholesterolMgDl == 50)
        #expect(merged.createdAt == existing.createdAt)
    }

    @Test func patchCannotMoveTheTest() throws {
        let existing = BloodTest(userUUID: S.ownerUUID, testDate: S.date("2025-03-01"), hba1cPercent: 5)
        let patch = try BloodTest.decodePatch(S.body("""
            {"test_date": "2025-03-02", "user_uuid": "\(S.otherOwner)", "hba1c_percent": 6}
            """))
        let error = S.error { () throws(RecordValidationError) in try existing.merged(with: patch) }
        #expect(error?.issues == [
            FieldIssue(name: "user_uuid", reason: "cannot be changed"),
            FieldIssue(name: "test_date", reason: "cannot be changed"),
        ])
    }

    @Test func mergedRecordIsRevalidated() throws {
        let existing = BloodTest(userUUID: S.ownerUUID, testDate: S.date("2025-03-01"), totalCholesterolMgDl: 200, hdlCholesterolMgDl: 50)
        let lowered = try BloodTest.decodePatch(S.body("{\"total_cholesterol_mg_dl\": 50}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: lowered) } == ["hdl_cholesterol_mg_dl"])
        let emptied = try BloodTest.decodePatch(S.body("{\"total_cholesterol_mg_dl\": null, \"hdl_cholesterol_mg_dl\": null}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: emptied) } == ["body"])
    }

    @Test func encodesInFieldOrderWithNulls() throws {
        let test = BloodTest(
            userUUID: S.ownerUUID, testDate: S.date("2025-03-01"), totalCholesterolMgDl: S.decimal("182.35"),
            createdAt: S.instant("2025-03-01T10:00:00+02:00"), updatedAt: S.instant("2025-03-01T08:00:00.5Z"))
        #expect(test.jsonText == """
            {"user_uuid":"\(S.owner)","test_date":"2025-03-01","fasting_glucose_mg_dl":null,"hba1c_percent":null,\
            "total_cholesterol_mg_dl":182.35,"ldl_cholesterol_mg_dl":null,"hdl_cholesterol_mg_dl":null,\
            "triglycerides_mg_dl":null,"hemoglobin_g_dl":null,"created_at":"2025-03-01T08:00:00Z",\
            "updated_at":"2025-03-01T08:00:00.5Z"}
            """)
    }
}
