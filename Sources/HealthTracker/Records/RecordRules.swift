/// Rule helpers shared by the record types.
enum RecordRules {
    /// "at least one of": skipped when one of them is present but broken.
    static func atLeastOne(_ names: [String], in values: [ColumnValue], skipping invalid: Set<String>, what: String) -> FieldIssue? {
        guard values.allSatisfy({ $0 == .null }), !names.contains(where: invalid.contains) else { return nil }
        return FieldIssue(name: "body", reason: "must hold at least one \(what): " + names.joined(separator: ", "))
    }
}
