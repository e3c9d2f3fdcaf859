// Times HealthScoreEngine.evaluate + JSON on a full week of data (optimised build).
// Built by scripts/bench-score.sh from the Score sources; not part of the package.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

func d(_ text: String) -> Decimal { Decimal(string: text)! }
func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
func at(_ text: String) -> Instant { Instant(rfc3339: text)! }

let asOf = at("2025-06-15T12:00:00Z")
let week = (8...14).map { day("2025-06-" + ($0 < 10 ? "0" : "") + String($0)) }
let bloodTests = [
    BloodTestRecord(testDate: day("2025-06-01"), hdlCholesterolMgDl: d("38"), triglyceridesMgDl: d("180")),
    BloodTestRecord(testDate: day("2025-02-01"), fastingGlucoseMgDl: d("113"), hba1cPercent: d("5.9"),
                    totalCholesterolMgDl: d("210"), hdlCholesterolMgDl: d("50")),
]
var bioMetrics: [BioMetricReading] = []
for i in 0..<30 {
    let recorded = Instant(microsecondsSinceEpoch: asOf.microsecondsSinceEpoch - Int64(i + 1) * 2 * 86_400_000_000)
    bioMetrics.append(BioMetricReading(
        recorded: recorded, weightKg: d("84.2" + String(i % 10)), heightCm: i == 0 ? d("180.5") : nil,
        systolicBpMmhg: d(String(120 + i % 7)), diastolicBpMmhg: d(String(75 + i % 5)),
        restingHeartRateBpm: d(String(60 + i % 9))
    ))
}
var activityDays: [ActivityDayRecord] = []
var sleepNights: [SleepNightRecord] = []
for (i, date) in week.enumerated() {
    activityDays.append(ActivityDayRecord(
        date: date, steps: 6000 + 731 * i, moderateMinutes: d("20.5"), vigorousMinutes: i % 3 == 0 ? d("7") : nil
    ))
    // Times to the second, all different: the worst case for the exact denominators.
    let start = date.startInstant.adding(microseconds: -Int64(3_600_000_000 + 61_000_000 * i))
    let end = date.startInstant.adding(microseconds: 6 * 3_600_000_000 + 7_000_000 * Int64(i))
    sleepNights.append(SleepNightRecord(date: date, startTime: start, endTime: end, awakeMinutes: d("31")))
}
let inputs = ScoreInputs(
    userUUID: UUID(), asOf: asOf, bloodTests: bloodTests, bioMetrics: bioMetrics,
    activityDays: activityDays, sleepNights: sleepNights
)

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let iterations = 2000
var bytes = 0
let start = now()
for _ in 0..<iterations {
    bytes += try HealthScoreEngine.evaluate(inputs).jsonBytes().count
}
let elapsed = now() - start
print("health score (7 components, 30 readings, 7 timed nights): \(String(Int(elapsed / Double(iterations) * 1_000_000))) µs per evaluate + JSON (\(bytes / iterations) bytes), \(iterations) runs")
