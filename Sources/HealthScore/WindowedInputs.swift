import FoundationEssentials
import UTCTime

/// The inputs the components read: inside their windows, one per key, latest first, and
/// checked for what the exact arithmetic relies on (finite decimals, nights that end after
/// they start).
struct WindowedInputs: Sendable {
    let bloodTests: [BloodTestInput]
    let bioReadings: [BioMetricInput]
    /// The readings with a height at or before `as_of`, latest first.
    let heights: [BioMetricInput]
    let activityDays: [ActivityDayInput]
    let sleepNights: [SleepNightInput]

    init(_ inputs: ScoreInputs, windows: ScoreWindows) throws(ScoreError) {
        let tests = try Self.unique(inputs.bloodTests, key: \.testDate, kind: "blood test")
        bloodTests = tests.filter { windows.bloodTests.contains($0.testDate) }
        for t in bloodTests {
            try requireFinite(
                t.fastingGlucoseMgDl, t.hba1cPercent, t.totalCholesterolMgDl, t.ldlCholesterolMgDl,
                t.hdlCholesterolMgDl, t.triglyceridesMgDl
            )
        }
        let readings = try Self.unique(inputs.bioMetrics, key: \.recorded, kind: "bio-metrics reading")
        bioReadings = readings.filter { windows.bioMetrics.contains($0.recorded) }
        for r in bioReadings {
            try requireFinite(r.weightKg, r.systolicBpMmhg, r.diastolicBpMmhg, r.restingHeartRateBpm)
        }
        heights = readings.filter { windows.containsHeight(recordedAt: $0.recorded) && $0.heightCm != nil }
        for r in heights {
            try requireFinite(r.heightCm)
        }
        let days = try Self.unique(inputs.activityDays, key: \.date, kind: "activity day")
        activityDays = days.filter { windows.physicalActivity.contains($0.date) }
        for d in activityDays {
            try requireFinite(d.moderateMinutes, d.vigorousMinutes, d.activeMinutes)
        }
        let nights = try Self.unique(inputs.sleepNights, key: \.date, kind: "sleep night")
        sleepNights = nights.filter { windows.sleepActivity.contains($0.date) }
        for n in sleepNights {
            if let start = n.startTime, let end = n.endTime {
                let (_, overflow) = end.microsecondsSinceEpoch.subtractingReportingOverflow(start.microsecondsSinceEpoch)
                guard start < end, !overflow else {
                    throw ScoreError(.invalidRecord, "sleep night \(n.date): end_time is not after start_time")
                }
            }
            try requireFinite(n.totalSleepMinutes, n.deepMinutes, n.remMinutes, n.lightMinutes, n.awakeMinutes, n.efficiencyPercent)
        }
    }

    /// One input per key, latest key first. The same input given twice counts once; two
    /// different inputs with one key break the stores' UNIQUE constraint.
    private static func unique<Input: Hashable, Key: Comparable>(
        _ inputs: [Input], key: (Input) -> Key, kind: String
    ) throws(ScoreError) -> [Input] {
        let sorted = inputs.sorted { key($0) > key($1) }
        var result: [Input] = []
        result.reserveCapacity(sorted.count)
        for input in sorted {
            if let previous = result.last, key(previous) == key(input) {
                guard previous == input else {
                    throw ScoreError(.duplicateRecord, "two different \(kind) records have the key \(key(input))")
                }
                continue
            }
            result.append(input)
        }
        return result
    }
}

/// A NaN cannot be made exact: a broken precondition, reported rather than trapped.
private func requireFinite(_ values: Decimal?...) throws(ScoreError) {
    for case let value? in values where !value.isFinite {
        throw ScoreError(.invalidNumber, "a measurement is not a finite number")
    }
}
