import FoundationEssentials
import UTCTime

extension BloodTest: RecordShape {
    static var fields: [RecordField<BloodTest>] {
        [
            .decimal("fasting_glucose_mg_dl", DecimalRange(20, 1000), \.fastingGlucoseMgDl),
            .decimal("hba1c_percent", DecimalRange(3, 20, lowerText: "3.0", upperText: "20.0"), \.hba1cPercent),
            .decimal("total_cholesterol_mg_dl", DecimalRange(50, 1000), \.totalCholesterolMgDl),
            .decimal("ldl_cholesterol_mg_dl", DecimalRange(10, 900), \.ldlCholesterolMgDl),
            .decimal("hdl_cholesterol_mg_dl", DecimalRange(5, 250), \.hdlCholesterolMgDl),
            .decimal("triglycerides_mg_dl", DecimalRange(10, 10000), \.triglyceridesMgDl),
            .decimal("hemoglobin_g_dl", DecimalRange(3, 25), \.hemoglobinGDl),
        ]
    }

    static let keyNames = ["user_uuid", "test_date"]

    var keyColumns: [(name: String, value: ColumnValue)] {
        [("user_uuid", .uuid(userUUID)), ("test_date", .date(testDate))]
    }

    func ruleIssues(skipping invalid: Set<String>, context: RuleContext) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let fields = Self.fields
        if let issue = RecordRules.atLeastOne(
            fields.map(\.name), in: fields.map { $0.value(in: self) }, skipping: invalid, what: "analyte") {
            issues.append(issue)
        }
        if let total = totalCholesterolMgDl {
            if let ldl = ldlCholesterolMgDl, ldl >= total {
                issues.append(FieldIssue(name: "ldl_cholesterol_mg_dl", reason: "must be less than total_cholesterol_mg_dl"))
            }
            if let hdl = hdlCholesterolMgDl, hdl >= total {
                issues.append(FieldIssue(name: "hdl_cholesterol_mg_dl", reason: "must be less than total_cholesterol_mg_dl"))
            }
        }
        return issues
    }
}
