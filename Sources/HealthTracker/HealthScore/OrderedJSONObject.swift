import HealthScore
import LambdaRuntime

/// A JSON object written member by member, in the order given: the score document's
/// key order is part of its deterministic bytes (`JSONValue` sorts keys, `JSONEncoder`
/// does not promise an order).
struct OrderedJSONObject {
    private var body = ""

    mutating func add(_ key: String, json: String) {
        if !body.isEmpty { body += "," }
        body += Self.quoted(key)
        body += ":"
        body += json
    }

    mutating func add(_ key: String, string: String) {
        add(key, json: Self.quoted(string))
    }

    /// Keys and values here are names, dates and instants: plain ASCII that needs no
    /// escaping, so the general escaper is only the fallback.
    static func quoted(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        return plain ? "\"" + text + "\"" : JSONText.quoted(text)
    }

    mutating func add(_ key: String, int: Int) {
        add(key, json: String(int))
    }

    /// A non-integer quantity: always one decimal (`100.0`).
    mutating func add(_ key: String, number: RoundedDecimal) {
        add(key, json: number.description)
    }

    var text: String {
        "{" + body + "}"
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }
}
