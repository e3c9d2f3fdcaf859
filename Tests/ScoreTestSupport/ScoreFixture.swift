public import Foundation
public import HealthScore
public import UTCTime

/// What the score tests share, in the engine's own tests (HealthScoreTests) and the API's
/// (HealthTrackerTests): one user, the cases' as_of and its window days, input sets, and
/// builders for decimals (from text, never through Double), dates and instants.
public enum ScoreFixture {
    public static let user = UUID(uuidString: "9D24E790-D646-4D0D-BA50-B95153EB6EC4")!
    /// The cases' as_of: D = 2025-06-15; activity/sleep days 06-08…06-14.
    public static let asOf = instant("2025-06-15T12:00:00Z")

    public static func instant(_ text: String) -> Instant {
        guard let value = Instant(rfc3339: text) else { fatalError("bad instant \(text)") }
        return value
    }

    public static func date(_ text: String) -> CalendarDate {
        guard let value = CalendarDate(text) else { fatalError("bad date \(text)") }
        return value
    }

    /// The 7 window days before 2025-06-15, oldest first.
    public static let weekDays = (8...14).map { date(String(format: "2025-06-%02d", $0)) }

    /// Filler components so a test's component of interest is scored (≥ 3 present):
    /// BP 110/70 and resting HR 60 on 06-01 (BP and RHR both score 100).
    public static let fillerReadings = [
        BioMetricInput(recorded: instant("2025-06-01T07:00:00Z"), systolicBpMmhg: d("110"), diastolicBpMmhg: d("70"), restingHeartRateBpm: d("60")),
    ]

    /// BP 110/70 and RHR 60 (filler) + HbA1c 5.0: exactly 3 components, all scoring 100.
    public static let threeComponents = ScoreInputs(
        userUUID: user, asOf: asOf,
        bloodTests: [BloodTestInput(testDate: date("2025-06-01"), hba1cPercent: d("5.0"))],
        bioMetrics: fillerReadings
    )

    /// Inputs in all 7 components, with sleep timed to the second.
    public static func fullInputs() -> ScoreInputs {
        let w = weekDays
        return ScoreInputs(
            userUUID: user, asOf: asOf,
            bloodTests: [
                BloodTestInput(testDate: date("2025-06-01"), hdlCholesterolMgDl: d("38"), triglyceridesMgDl: d("180")),
                BloodTestInput(testDate: date("2025-02-01"), fastingGlucoseMgDl: d("113"), hba1cPercent: d("5.9"), totalCholesterolMgDl: d("210"), hdlCholesterolMgDl: d("50")),
                BloodTestInput(testDate: date("2024-01-01"), fastingGlucoseMgDl: d("300")),
            ],
            bioMetrics: [
                BioMetricInput(recorded: instant("2025-06-10T07:30:00Z"), weightKg: d("84.24"), heightCm: d("180"), systolicBpMmhg: d("128"), diastolicBpMmhg: d("82"), restingHeartRateBpm: d("68")),
                BioMetricInput(recorded: instant("2025-05-20T07:30:00Z"), systolicBpMmhg: d("124"), diastolicBpMmhg: d("78"), restingHeartRateBpm: d("72")),
                BioMetricInput(recorded: instant("2025-04-01T07:30:00Z"), systolicBpMmhg: d("126"), diastolicBpMmhg: d("80"), restingHeartRateBpm: d("70")),
                BioMetricInput(recorded: instant("2025-03-20T07:30:00Z"), systolicBpMmhg: d("160"), diastolicBpMmhg: d("100")),
                BioMetricInput(recorded: instant("2018-01-01T07:30:00Z"), heightCm: d("181")),
            ],
            activityDays: w.enumerated().map { i, day in
                ActivityDayInput(date: day, steps: 6000 + 731 * i, moderateMinutes: i % 2 == 0 ? d("20.5") : nil, vigorousMinutes: i % 3 == 0 ? d("7") : nil, activeMinutes: d("33"))
            },
            sleepNights: w.enumerated().map { i, day in
                SleepNightInput(date: day, startTime: day.startInstant.adding(microseconds: -Int64(3_600_000_000 + 61_000_000 * i)), endTime: day.startInstant.adding(microseconds: 6 * 3_600_000_000 + 7_000_000 * Int64(i)), awakeMinutes: i % 2 == 0 ? d("31") : nil)
            }
        )
    }
}

/// A `Decimal` from its text: exact, unlike a floating-point literal.
public func d(_ text: String) -> Decimal {
    guard let value = Decimal(string: text) else { fatalError("bad decimal \(text)") }
    return value
}
