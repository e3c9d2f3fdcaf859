import LambdaHTTP

extension HTTPResponse {
    /// A record (or page) as JSON text with its members in response order.
    static func recordJSON(_ text: String, status: Int = 200) -> HTTPResponse {
        .json(bytes: Array(text.utf8), status: status)
    }

    /// 201 with the new record and its `Location`.
    static func created(_ text: String, location: String) -> HTTPResponse {
        var response = HTTPResponse.recordJSON(text, status: 201)
        response.headers.set(name: "Location", value: location)
        return response
    }

    /// A list page: `{"items": [...], "next_cursor": "..." | null}`.
    static func page(items: [JSONValue], nextCursor: String?) -> HTTPResponse {
        .json(.object(["items": .array(items), "next_cursor": nextCursor.map(JSONValue.string) ?? .null]))
    }

    /// `{"deleted": N}`.
    static func deleted(_ count: Int) -> HTTPResponse {
        .json(.object(["deleted": .number(JSONNumber(count))]))
    }
}
