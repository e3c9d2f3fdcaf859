/// The query of a `GET` list route: `limit`, `cursor`, and (per-user lists) `from`/`to`, inclusive.
///
/// Parameters not named here are ignored, as API Gateway and caches may add their own.
public struct ListQuery: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let limitRange = 1...500

    public var limit: Int
    public var cursor: ListCursor?
    public var from: RecordKey?
    public var to: RecordKey?

    public init(limit: Int = ListQuery.defaultLimit, cursor: ListCursor? = nil, from: RecordKey? = nil, to: RecordKey? = nil) {
        self.limit = limit
        self.cursor = cursor
        self.from = from
        self.to = to
    }

    /// Parses `queryStringParameters` (API Gateway joins repeated names with commas, which then
    /// fail as values). Every bad parameter is reported at once.
    public static func parse(_ parameters: [String: String], resource: RecordResource) throws(RecordValidationError) -> ListQuery {
        var issues: [FieldIssue] = []
        var query = ListQuery()
        if let text = parameters["limit"] {
            if let limit = QueryValue.integer(text), limitRange.contains(limit) {
                query.limit = limit
            } else {
                issues.append(FieldIssue(name: "limit", reason: FieldReason.integer(limitRange)))
            }
        }
        // An empty `cursor=` is the first page, as clients often send it so.
        if let text = parameters["cursor"], !text.isEmpty {
            if let cursor = ListCursor(token: text, resource: resource) {
                query.cursor = cursor
            } else {
                issues.append(FieldIssue(name: "cursor", reason: "must be a next_cursor value returned by this list"))
            }
        }
        if resource != .users {
            query.from = QueryValue.key("from", parameters, kind: resource.keyKind, issues: &issues)
            query.to = QueryValue.key("to", parameters, kind: resource.keyKind, issues: &issues)
            if let from = query.from, let to = query.to, from > to {
                issues.append(FieldIssue(name: "from", reason: "must not be after to"))
            }
        }
        if !issues.isEmpty {
            throw RecordValidationError(code: .invalidParameters, issues: issues)
        }
        return query
    }
}
