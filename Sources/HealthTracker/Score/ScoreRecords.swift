import FoundationEssentials
import UTCTime

/// The inputs as exact values, inside their windows, one per key, latest first.
struct ScoreRecords: Sendable {
    struct BloodTest: Sendable {
        let testDate: CalendarDate
        let fastingGlucose, hba1c, totalCholesterol, ldl, hdl, triglycerides: Rational?
    }

    struct BioReading: Sendable {
        let recorded: Instant
        let weightKg, systolic, diastolic, restingHeartRate: Rational?
    }

    struct Height: Sendable {
        let recorded: Instant
        let heightCm: Rational
    }

    struct ActivityDay: Sendable {
        let date: CalendarDate
        let steps: Int?
        let moderate, vigorous, active: Rational?
    }

    struct SleepNight: Sendable {
        let date: CalendarDate
        /// Time in bed in minutes, when both times are given.
        let timeInBed: Rational?
        let total, deep, rem, light, awake, efficiency: Rational?
    }

    let bloodTests: [BloodTest]
    let bioReadings: [BioReading]
    let heights: [Height]
    let activityDays: [ActivityDay]
    let sleepNights: [SleepNight]

    init(_ inputs: ScoreInputs, windows: ScoreWindows) throws(ScoreError) {
        let tests = try Self.unique(inputs.bloodTests, key: \.testDate, kind: "blood test")
        bloodTests = try tests.filter { windows.bloodTests.contains($0.testDate) }.map { (t) throws(ScoreError) in
            BloodTest(
                testDate: t.testDate,
                fastingGlucose: try exact(t.fastingGlucoseMgDl), hba1c: try exact(t.hba1cPercent),
                totalCholesterol: try exact(t.totalCholesterolMgDl), ldl: try exact(t.ldlCholesterolMgDl),
                hdl: try exact(t.hdlCholesterolMgDl), triglycerides: try exact(t.triglyceridesMgDl)
            )
        }
        let readings = try Self.unique(inputs.bioMetrics, key: \.recorded, kind: "bio-metrics reading")
        bioReadings = try Self.used(readings.filter { windows.bioMetrics.contains($0.recorded) }).map { (r) throws(ScoreError) in
            BioReading(
                recorded: r.recorded, weightKg: try exact(r.weightKg),
                systolic: try exact(r.systolicBpMmhg), diastolic: try exact(r.diastolicBpMmhg),
                restingHeartRate: try exact(r.restingHeartRateBpm)
            )
        }
        var heights: [Height] = []
        for reading in readings where windows.containsHeight(recordedAt: reading.recorded) {
            if let height = try exact(reading.heightCm) {
                heights.append(Height(recorded: reading.recorded, heightCm: height))
            }
        }
        self.heights = heights
        let days = try Self.unique(inputs.activityDays, key: \.date, kind: "activity day")
        activityDays = try days.filter { windows.physicalActivity.contains($0.date) }.map { (d) throws(ScoreError) in
            ActivityDay(
                date: d.date, steps: d.steps, moderate: try exact(d.moderateMinutes),
                vigorous: try exact(d.vigorousMinutes), active: try exact(d.activeMinutes)
            )
        }
        let nights = try Self.unique(inputs.sleepNights, key: \.date, kind: "sleep night")
        sleepNights = try nights.filter { windows.sleepActivity.contains($0.date) }.map { (n) throws(ScoreError) in
            var timeInBed: Rational?
            if let start = n.startTime, let end = n.endTime {
                let (micros, overflow) = end.microsecondsSinceEpoch.subtractingReportingOverflow(start.microsecondsSinceEpoch)
                guard start < end, !overflow else {
                    throw ScoreError(.invalidRecord, "sleep night \(n.date): end_time is not after start_time")
                }
                timeInBed = Rational(BigInt(Int(micros)), BigInt(60_000_000))
            }
            return SleepNight(
                date: n.date, timeInBed: timeInBed, total: try exact(n.totalSleepMinutes),
                deep: try exact(n.deepMinutes), rem: try exact(n.remMinutes), light: try exact(n.lightMinutes),
                awake: try exact(n.awakeMinutes), efficiency: try exact(n.efficiencyPercent)
            )
        }
    }

    /// The latest-first readings the components can use: those up to the latest weight,
    /// the 3 latest with BP and the 3 latest with resting HR. A reading left out has no
    /// field still wanted, so the components see the same latest readings as in the whole
    /// window; only fewer decimals are converted (a daily scale gives 90 a window).
    private static func used(_ readings: [BioMetricRecord]) -> [BioMetricRecord] {
        var weight = false
        var pressures = 0
        var rates = 0
        var result: [BioMetricRecord] = []
        for reading in readings {
            let wantsWeight = !weight && reading.weightKg != nil
            let wantsPressure = pressures < ComponentEvaluation.readingsAveraged
                && reading.systolicBpMmhg != nil && reading.diastolicBpMmhg != nil
            let wantsRate = rates < ComponentEvaluation.readingsAveraged && reading.restingHeartRateBpm != nil
            guard wantsWeight || wantsPressure || wantsRate else { continue }
            if wantsWeight { weight = true }
            if wantsPressure { pressures += 1 }
            if wantsRate { rates += 1 }
            result.append(reading)
        }
        return result
    }

    /// One record per key, latest key first. The same record given twice counts once; two
    /// different records with one key break the stores' UNIQUE constraint.
    private static func unique<R: Hashable, K: Comparable>(
        _ records: [R], key: (R) -> K, kind: String
    ) throws(ScoreError) -> [R] {
        let sorted = records.sorted { key($0) > key($1) }
        var result: [R] = []
        result.reserveCapacity(sorted.count)
        for record in sorted {
            if let previous = result.last, key(previous) == key(record) {
                guard previous == record else {
                    throw ScoreError(.duplicateRecord, "two different \(kind) records have the key \(key(record))")
                }
                continue
            }
            result.append(record)
        }
        return result
    }
}

private func exact(_ value: Decimal?) throws(ScoreError) -> Rational? {
    guard let value else { return nil }
    guard let rational = Rational(exactly: value) else {
        throw ScoreError(.invalidNumber, "a measurement is not a finite number")
    }
    return rational
}
