import FoundationEssentials
import LambdaHTTP
import UTCTime

extension APICall {
    /// Record bodies are flat objects: the object is the only container.
    static let bodyMaxDepth = 1

    /// The body as JSON, parsed strictly in one pass (numbers keep their exact text).
    /// Empty, malformed or nested bodies and a member name given twice are 400.
    func jsonBody() throws -> JSONValue {
        let bytes = try request.body()
        guard !bytes.isEmpty else {
            throw Problem(.malformedBody, detail: "The body is empty; send a JSON object")
        }
        do {
            return try JSONValue.parse(bytes, maxDepth: Self.bodyMaxDepth)
        } catch {
            throw Problem(bodyError: error)
        }
    }

    /// The `{user_uuid}` of the path (the router has checked it is a UUID).
    func pathUser() throws(Problem) -> UUID {
        guard let uuid = match.parameters.uuid("user_uuid") else {
            throw Problem(.invalidPathParameter, detail: "The path has no user_uuid",
                          invalidParams: [InvalidParameter(name: "user_uuid", reason: "must be a UUID")])
        }
        return uuid
    }

    /// The record key of the path (`{test_date}`, `{recorded}` or `{date}`), typed by the router.
    func pathKey(_ name: String) throws(Problem) -> RecordKey {
        switch match.parameters[name] {
        case .date(let date)?: return .date(date)
        case .instant(let instant)?: return .instant(instant)
        default:
            throw Problem(.invalidPathParameter, detail: "The path has no \(name)",
                          invalidParams: [InvalidParameter(name: name, reason: "is required")])
        }
    }

    /// Query parameters by name; repeated names are joined with commas, as API Gateway's
    /// `queryStringParameters` does, so they fail as values instead of one being dropped.
    var queryValues: [String: String] {
        var values: [String: String] = [:]
        for name in request.query.names {
            values[name] = request.query.values(for: name).joined(separator: ",")
        }
        return values
    }

    /// Today in UTC, for `date_of_birth`.
    var today: CalendarDate { Instant.now().date }
}
