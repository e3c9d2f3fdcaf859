/// The fixed wording of issues, shared by bodies and query parameters.
enum FieldReason {
    static let required = "is required"
    static let unknown = "is not a known field"
    static let readOnly = "is read-only"
    static let unchangeable = "cannot be changed"
    static let date = "must be a date as YYYY-MM-DD"
    static let instant = "must be an RFC 3339 date-time with an offset, such as 2025-03-01T07:30:00Z"
    static let uuid = "must be a UUID"
    static let inexact = "has more digits than can be stored exactly (at most 38 significant digits)"

    static func integer(_ range: ClosedRange<Int>) -> String {
        "must be an integer between \(range.lowerBound) and \(range.upperBound)"
    }

    static func oneOf(_ values: [String]) -> String {
        "must be one of " + values.joined(separator: ", ")
    }
}
