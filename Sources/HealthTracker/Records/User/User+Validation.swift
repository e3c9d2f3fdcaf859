import FoundationEssentials
import UTCTime

extension User: RecordShape {
    /// The earliest accepted `date_of_birth`.
    static let earliestBirthDate = CalendarDate(daysSinceEpoch: -25_567)  // 1900-01-01

    static var fields: [RecordField<User>] {
        [
            .requiredText("email", .email, \.email),
            .requiredText("full_name", .fullName, \.fullName),
            .date("date_of_birth", \.dateOfBirth),
            .sex("sex", \.sex),
        ]
    }

    static let keyNames = ["user_uuid"]

    var keyColumns: [(name: String, value: ColumnValue)] {
        [("user_uuid", .uuid(userUUID))]
    }

    func ruleIssues(skipping invalid: Set<String>, context: RuleContext) -> [FieldIssue] {
        guard let born = dateOfBirth, let today = context.today else { return [] }
        if born < Self.earliestBirthDate || born > today {
            return [FieldIssue(name: "date_of_birth", reason: "must be a date from 1900-01-01 to today (\(today))")]
        }
        return []
    }
}
