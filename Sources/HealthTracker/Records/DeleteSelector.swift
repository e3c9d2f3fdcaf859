/// What `DELETE .../{user_uuid}/delete` removes: exactly one of the record's key, an inclusive
/// `from`/`to` range, or `all=true`. Anything else is a 400 and deletes nothing.
public enum DeleteSelector: Sendable, Equatable {
    case key(RecordKey)
    case range(from: RecordKey, to: RecordKey)
    case all

    public static func parse(_ parameters: [String: String], resource: RecordResource) throws(RecordValidationError) -> DeleteSelector {
        guard let keyName = resource.keyName else {
            throw RecordValidationError(code: .invalidParameters, issues: [
                FieldIssue(name: "selector", reason: "users are deleted by path, not by selector"),
            ])
        }
        let kind = resource.keyKind
        let choices = "give exactly one of \(keyName)=, from= with to=, or all=true"
        let given = [
            parameters[keyName] != nil ? [keyName] : [],
            ["from", "to"].filter { parameters[$0] != nil },
            parameters["all"] != nil ? ["all"] : [],
        ].filter { !$0.isEmpty }
        guard given.count == 1 else {
            let issues = given.isEmpty
                ? [FieldIssue(name: "selector", reason: "is required: " + choices)]
                : given.joined().map { FieldIssue(name: $0, reason: "cannot be combined with another selector: " + choices) }
            throw RecordValidationError(code: .invalidParameters, issues: issues)
        }
        var issues: [FieldIssue] = []
        var selector: DeleteSelector?
        switch given[0][0] {
        case "all":
            if parameters["all"] == "true" {
                selector = .all
            } else {
                issues.append(FieldIssue(name: "all", reason: "must be true"))
            }
        case "from", "to":
            let from = QueryValue.key("from", parameters, kind: kind, issues: &issues)
            let to = QueryValue.key("to", parameters, kind: kind, issues: &issues)
            for name in ["from", "to"] where parameters[name] == nil {
                issues.append(FieldIssue(name: name, reason: "is required with \(name == "from" ? "to" : "from")"))
            }
            if let from, let to {
                if from > to {
                    issues.append(FieldIssue(name: "from", reason: "must not be after to"))
                } else {
                    selector = .range(from: from, to: to)
                }
            }
        default:
            selector = QueryValue.key(keyName, parameters, kind: kind, issues: &issues).map(DeleteSelector.key)
        }
        guard let selector, issues.isEmpty else {
            throw RecordValidationError(code: .invalidParameters, issues: issues)
        }
        return selector
    }
}
