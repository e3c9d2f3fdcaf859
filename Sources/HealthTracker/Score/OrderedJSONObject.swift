import LambdaRuntime

/// A JSON object written member by member, in the order given: the score document's
/// key order is part of its deterministic bytes (`JSONValue` sorts keys, `JSONEncoder`
/// does not promise an order).
struct OrderedJSONObject {
    private var members: [String] = []

    mutating func add(_ key: String, json: String) {
        members.append(JSONText.quoted(key) + ":" + json)
    }

    mutating func add(_ key: String, string: String) {
        add(key, json: JSONText.quoted(string))
    }

    mutating func add(_ key: String, int: Int) {
        add(key, json: String(int))
    }

    /// A non-integer quantity: always one decimal (`100.0`).
    mutating func add(_ key: String, number: RoundedDecimal) {
        add(key, json: number.description)
    }

    var text: String {
        "{" + members.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }
}
