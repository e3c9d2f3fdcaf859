import FoundationEssentials
import UTCTime

extension ActivityDay: RecordShape {
    static var fields: [RecordField<ActivityDay>] {
        [
            .integer("steps", 0...100_000, \.steps),
            .decimal("moderate_minutes", DecimalRange(0, 1440), \.moderateMinutes),
            .decimal("vigorous_minutes", DecimalRange(0, 1440), \.vigorousMinutes),
            .decimal("active_minutes", DecimalRange(0, 1440), \.activeMinutes),
            .decimal("calories_kcal", DecimalRange(0, 20000), \.caloriesKcal),
            .decimal("distance_km", DecimalRange(0, 500), \.distanceKm),
        ]
    }

    static let keyNames = ["user_uuid", "date"]

    var keyColumns: [(name: String, value: ColumnValue)] {
        [("user_uuid", .uuid(userUUID)), ("date", .date(date))]
    }

    func ruleIssues(skipping invalid: Set<String>, context: RuleContext) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let fields = Self.fields
        if let issue = RecordRules.atLeastOne(
            fields.map(\.name), in: fields.map { $0.value(in: self) }, skipping: invalid, what: "field") {
            issues.append(issue)
        }
        if let moderate = moderateMinutes, let vigorous = vigorousMinutes, moderate + vigorous > 1440 {
            issues.append(FieldIssue(name: "moderate_minutes", reason: "plus vigorous_minutes must be at most 1440"))
        }
        return issues
    }
}
