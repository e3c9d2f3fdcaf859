import FoundationEssentials
public import LambdaHTTP
import LambdaRuntime

/// A JSON document that keeps its members in order, for what replay writes: events read
/// top to bottom as API Gateway sends them, and saved files diff line by line.
public indirect enum ReplayJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([ReplayJSON])
    case object([(String, ReplayJSON)])

    public static func == (lhs: ReplayJSON, rhs: ReplayJSON) -> Bool {
        lhs.value == rhs.value
    }

    /// Parses JSON text; objects come out with their keys sorted.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONValueError) -> ReplayJSON {
        ReplayJSON(try JSONValue.parse(bytes))
    }

    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(ReplayJSON.init))
        case .object(let members): self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, ReplayJSON($0.value)) })
        }
    }

    /// The same document, unordered (equality ignores member order).
    public var value: JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let number): .number(number)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(\.value))
        case .object(let members): .object(Dictionary(members.map { ($0.0, $0.1.value) }, uniquingKeysWith: { _, last in last }))
        }
    }

    public subscript(key: String) -> ReplayJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var objectMembers: [(String, ReplayJSON)]? {
        if case .object(let members) = self { members } else { nil }
    }

    public var arrayItems: [ReplayJSON]? {
        if case .array(let items) = self { items } else { nil }
    }

    public var integerValue: Int? { value.integerValue }

    /// One line, no spaces.
    public var compactText: String {
        switch self {
        case .null, .bool, .number, .string: value.jsonText
        case .array(let items): "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.map { JSONText.quoted($0.0) + ":" + $0.1.compactText }.joined(separator: ",") + "}"
        }
    }

    /// Two-space indented, one member per line, a newline at the end.
    public var prettyText: String { pretty(indent: "") + "\n" }

    private func pretty(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .null, .bool, .number, .string:
            return value.jsonText
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + JSONText.quoted($0.0) + ": " + $0.1.pretty(indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    /// Sets (or appends) one member of an object; other values are left as they are.
    public mutating func set(_ key: String, _ newValue: ReplayJSON) {
        guard case .object(var members) = self else { return }
        if let index = members.firstIndex(where: { $0.0 == key }) {
            members[index].1 = newValue
        } else {
            members.append((key, newValue))
        }
        self = .object(members)
    }

    public mutating func remove(_ key: String) {
        guard case .object(let members) = self else { return }
        self = .object(members.filter { $0.0 != key })
    }
}
