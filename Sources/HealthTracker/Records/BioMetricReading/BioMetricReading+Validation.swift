import FoundationEssentials
import UTCTime

extension BioMetricReading: RecordShape {
    static var fields: [RecordField<BioMetricReading>] {
        [
            .decimal("weight_kg", DecimalRange(20, 500), \.weightKg),
            .decimal("height_cm", DecimalRange(100, 250), \.heightCm),
            .decimal("systolic_bp_mmhg", DecimalRange(60, 260), \.systolicBpMmhg),
            .decimal("diastolic_bp_mmhg", DecimalRange(30, 160), \.diastolicBpMmhg),
            .decimal("resting_heart_rate_bpm", DecimalRange(25, 200), \.restingHeartRateBpm),
            .decimal("body_temperature_c", DecimalRange(30, 45, lowerText: "30.0", upperText: "45.0"), \.bodyTemperatureC),
            .decimal("spo2_percent", DecimalRange(50, 100), \.spo2Percent),
        ]
    }

    static let keyNames = ["user_uuid", "recorded"]

    var keyColumns: [(name: String, value: ColumnValue)] {
        [("user_uuid", .uuid(userUUID)), ("recorded", .instant(recorded))]
    }

    func ruleIssues(skipping invalid: Set<String>, context: RuleContext) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let fields = Self.fields
        if let issue = RecordRules.atLeastOne(
            fields.map(\.name), in: fields.map { $0.value(in: self) }, skipping: invalid, what: "measurement") {
            issues.append(issue)
        }
        let systolic = "systolic_bp_mmhg", diastolic = "diastolic_bp_mmhg"
        guard !invalid.contains(systolic), !invalid.contains(diastolic) else { return issues }
        switch (systolicBpMmhg, diastolicBpMmhg) {
        case (.some(let high), .some(let low)) where high <= low:
            issues.append(FieldIssue(name: systolic, reason: "must be greater than \(diastolic)"))
        case (.some, .none):
            issues.append(FieldIssue(name: diastolic, reason: "is required when \(systolic) is given"))
        case (.none, .some):
            issues.append(FieldIssue(name: systolic, reason: "is required when \(diastolic) is given"))
        default:
            break
        }
        return issues
    }
}
