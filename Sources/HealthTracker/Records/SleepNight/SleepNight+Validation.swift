import FoundationEssentials
import UTCTime

extension SleepNight: RecordShape {
    static let microsecondsPerMinute: Int64 = 60_000_000
    static let maxTimeInBed: Int64 = 1440 * microsecondsPerMinute

    static var fields: [RecordField<SleepNight>] {
        let minutes = DecimalRange(0, 1440)
        return [
            .instant("start_time", \.startTime),
            .instant("end_time", \.endTime),
            .decimal("total_sleep_minutes", minutes, \.totalSleepMinutes),
            .decimal("deep_minutes", minutes, \.deepMinutes),
            .decimal("rem_minutes", minutes, \.remMinutes),
            .decimal("light_minutes", minutes, \.lightMinutes),
            .decimal("awake_minutes", minutes, \.awakeMinutes),
            .integer("awakenings", 0...200, \.awakenings),
            .decimal("efficiency_percent", DecimalRange(0, 100), \.efficiencyPercent),
        ]
    }

    static let keyNames = ["user_uuid", "date"]

    var keyColumns: [(name: String, value: ColumnValue)] {
        [("user_uuid", .uuid(userUUID)), ("date", .date(date))]
    }

    func ruleIssues(skipping invalid: Set<String>, context: RuleContext) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let timesBroken = invalid.contains("start_time") || invalid.contains("end_time")
        // The limit for minute sums: time in bed with times, a whole day without; nil when unknown.
        var limit: Int64?
        switch (startTime, endTime) {
        case (.some, .some):
            guard let tib = timeInBedMicroseconds else { break }
            if tib <= 0 {
                issues.append(FieldIssue(name: "end_time", reason: "must be after start_time"))
            } else if tib > Self.maxTimeInBed {
                issues.append(FieldIssue(name: "end_time", reason: "must be at most 1440 minutes after start_time"))
            } else {
                limit = tib
            }
        case (.some, .none) where !timesBroken:
            issues.append(FieldIssue(name: "end_time", reason: "is required when start_time is given"))
        case (.none, .some) where !timesBroken:
            issues.append(FieldIssue(name: "start_time", reason: "is required when end_time is given"))
        case (.none, .none) where !timesBroken:
            limit = Self.maxTimeInBed
            if totalSleepMinutes == nil && !invalid.contains("total_sleep_minutes") {
                issues.append(FieldIssue(name: "total_sleep_minutes", reason: "is required without start_time and end_time"))
            }
        default:
            break
        }
        if let endTime, !invalid.contains("date"), !invalid.contains("end_time"), endTime.date != date {
            issues.append(context.isPatch
                ? FieldIssue(name: "end_time", reason: "must fall on the record's date \(date) (UTC)")
                : FieldIssue(name: "date", reason: "must be the UTC date of end_time (\(endTime.date))"))
        }
        guard let limit else { return issues }
        let withTimes = startTime != nil
        let bound = withTimes ? "time in bed (end_time - start_time)" : "1440"
        func exceeds(_ minutes: Decimal) -> Bool {
            minutes * Decimal(Self.microsecondsPerMinute) > Decimal(limit)
        }
        if withTimes, let total = totalSleepMinutes, exceeds(total) {
            issues.append(FieldIssue(name: "total_sleep_minutes", reason: "must be at most \(bound)"))
        }
        let stages = ["deep_minutes", "rem_minutes", "light_minutes"]
        let stageValues = [deepMinutes, remMinutes, lightMinutes]
        if !stages.contains(where: invalid.contains),
           let first = zip(stages, stageValues).first(where: { $0.1 != nil })?.0,
           exceeds(stageValues.reduce(Decimal(0)) { $0 + ($1 ?? 0) }) {
            issues.append(FieldIssue(name: first, reason: "deep_minutes + rem_minutes + light_minutes must be at most \(bound)"))
        }
        if withTimes, let awake = awakeMinutes, exceeds(awake) {
            issues.append(FieldIssue(name: "awake_minutes", reason: "must be at most \(bound)"))
        }
        return issues
    }
}
