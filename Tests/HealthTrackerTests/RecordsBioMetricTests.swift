import Foundation
import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct RecordsBioMetricTests {
    typealias S = RecordsSupport
    let base = "\"user_uuid\": \"\(RecordsSupport.owner)\", \"recorded\": \"2025-03-01T07:30:00+01:00\""

    static let bounds: [BoundCase] =
        BoundCase.range("weight_kg", "20", "500")
        + BoundCase.range("height_cm", "100", "250")
        + BoundCase.range("systolic_bp_mmhg", "60", "260", companion: "\"diastolic_bp_mmhg\": 30")
        + BoundCase.range("diastolic_bp_mmhg", "30", "160", companion: "\"systolic_bp_mmhg\": 260")
        + BoundCase.range("resting_heart_rate_bpm", "25", "200")
        + BoundCase.range("body_temperature_c", "30.0", "45.0")
        + BoundCase.range("spo2_percent", "50", "100")

    @Test(arguments: bounds)
    func fieldBounds(_ c: BoundCase) throws {
        let body = try S.body(base: base, [c.companion, "\"\(c.field)\": \(c.value)"].filter { !$0.isEmpty }.joined(separator: ","))
        let names = S.names { () throws(RecordValidationError) in try BioMetricReading.decodeCreate(body) }
        #expect(names == (c.valid ? [] : [c.field]))
    }

    @Test func keepsExactDecimalsAndUTC() throws {
        let reading = try BioMetricReading.decodeCreate(S.body(base: base, "\"weight_kg\": 82.35"))
        #expect(reading.weightKg == S.decimal("82.35"))
        #expect(reading.weightKg?.description == "82.35")
        #expect(reading.recorded.rfc3339 == "2025-03-01T06:30:00Z")
        #expect(reading.jsonText.contains("\"weight_kg\":82.35,"))
        #expect(reading.jsonText.contains("\"recorded\":\"2025-03-01T06:30:00Z\""))
    }

    @Test(arguments: [
        ("\"systolic_bp_mmhg\": 120", ["diastolic_bp_mmhg"]),
        ("\"diastolic_bp_mmhg\": 80", ["systolic_bp_mmhg"]),
        ("\"systolic_bp_mmhg\": 80, \"diastolic_bp_mmhg\": 80", ["systolic_bp_mmhg"]),
        ("\"systolic_bp_mmhg\": 80.01, \"diastolic_bp_mmhg\": 80", []),
        ("\"systolic_bp_mmhg\": 70, \"diastolic_bp_mmhg\": 90", ["systolic_bp_mmhg"]),
        ("\"systolic_bp_mmhg\": null, \"diastolic_bp_mmhg\": null, \"height_cm\": 180", []),
        ("\"systolic_bp_mmhg\": 400", ["systolic_bp_mmhg"]),
    ])
    func bloodPressurePair(_ members: String, _ expected: [String]) throws {
        let body = try S.body(base: base, members)
        #expect(S.names { () throws(RecordValidationError) in try BioMetricReading.decodeCreate(body) } == expected)
    }

    @Test func needsOneMeasurement() throws {
        let body = try S.body(base: base, "\"weight_kg\": null")
        let error = S.error { () throws(RecordValidationError) in try BioMetricReading.decodeCreate(body) }
        #expect(error?.issues.map(\.name) == ["body"])
        #expect(error?.issues.first?.reason.contains("measurement") == true)
    }

    @Test(arguments: [
        "2025-03-01T07:30:00", "2025-03-01", "2025-03-01T07:30:00 01:00", "0001-01-01T00:30:00+01:00",
        "9999-12-31T23:30:00-01:00", "2025-13-01T00:00:00Z",
    ])
    func recordedNeedsAnOffsetAndAFourDigitYear(_ text: String) throws {
        let body = try S.body(base: "\"user_uuid\": \"\(S.owner)\", \"recorded\": \"\(text)\"", "\"weight_kg\": 70")
        #expect(S.names { () throws(RecordValidationError) in try BioMetricReading.decodeCreate(body) } == ["recorded"])
    }

    @Test func mergeRejectsBloodPressureInversion() throws {
        let existing = BioMetricReading(
            userUUID: S.ownerUUID, recorded: S.instant("2025-03-01T06:30:00Z"), systolicBpMmhg: 120, diastolicBpMmhg: 80)
        let patch = try BioMetricReading.decodePatch(S.body("{\"systolic_bp_mmhg\": 75}"))
        let error = S.error { () throws(RecordValidationError) in try existing.merged(with: patch) }
        #expect(error?.issues == [FieldIssue(name: "systolic_bp_mmhg", reason: "must be greater than diastolic_bp_mmhg")])
        let half = try BioMetricReading.decodePatch(S.body("{\"diastolic_bp_mmhg\": null}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: half) } == ["diastolic_bp_mmhg"])
        let both = try BioMetricReading.decodePatch(S.body("{\"diastolic_bp_mmhg\": null, \"systolic_bp_mmhg\": null, \"weight_kg\": 70}"))
        let merged = try existing.merged(with: both)
        #expect(merged.systolicBpMmhg == nil && merged.diastolicBpMmhg == nil && merged.weightKg == 70)
    }

    @Test func patchKeyMatchesWhateverTheOffset() throws {
        let existing = BioMetricReading(userUUID: S.ownerUUID, recorded: S.instant("2025-03-01T06:30:00Z"), weightKg: 70)
        let same = try BioMetricReading.decodePatch(S.body("{\"recorded\": \"2025-03-01T07:30:00+01:00\", \"weight_kg\": 71}"))
        #expect(try existing.merged(with: same).weightKg == 71)
        let moved = try BioMetricReading.decodePatch(S.body("{\"recorded\": \"2025-03-01T07:30:00Z\", \"weight_kg\": 71}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: moved) } == ["recorded"])
    }
}
