import LambdaHTTP

/// JSON text with members in a fixed order (a `JSONValue.object` is a dictionary and sorts them).
public enum RecordJSON {
    static func object(_ members: [(name: String, value: JSONValue)]) -> String {
        "{" + members.map { JSONValue.string($0.name).jsonText + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
    }

    /// A list page: `{"items": [...], "next_cursor": "..." | null}`; `items` are records' JSON texts.
    public static func page(items: [String], nextCursor: String?) -> String {
        "{\"items\":[" + items.joined(separator: ",") + "],\"next_cursor\":"
            + (nextCursor.map { JSONValue.string($0).jsonText } ?? "null") + "}"
    }
}
