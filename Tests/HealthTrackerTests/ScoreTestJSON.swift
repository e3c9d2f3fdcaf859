import Foundation

/// A JSON tree with exact decimal numbers (Foundation's JSONDecoder reads `Decimal` from
/// the digits), for the conformance cases and for checking the engine's output.
enum TestJSON: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([TestJSON])
    case object([String: TestJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TestJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TestJSON].self))
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> TestJSON {
        try JSONDecoder().decode(TestJSON.self, from: Data(bytes))
    }

    subscript(key: String) -> TestJSON? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var number: Decimal? { if case .number(let n) = self { n } else { nil } }
    var array: [TestJSON]? { if case .array(let a) = self { a } else { nil } }
    var object: [String: TestJSON]? { if case .object(let o) = self { o } else { nil } }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .number(let n): n.description
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.keys.sorted().map { "\($0): \(o[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    /// Replaces `${name}` in every string.
    func substituting(_ name: String, with value: String) -> TestJSON {
        switch self {
        case .string(let s): .string(s.replacingOccurrences(of: "${\(name)}", with: value))
        case .array(let a): .array(a.map { $0.substituting(name, with: value) })
        case .object(let o): .object(o.mapValues { $0.substituting(name, with: value) })
        default: self
        }
    }

    /// Where `self` (expected) is not a deep subset of `actual`: objects may have extra keys,
    /// arrays must match in length and order, numbers compare by value (100 == 100.0).
    func subsetMismatches(in actual: TestJSON?, path: String = "$") -> [String] {
        guard let actual else { return ["\(path): missing"] }
        switch (self, actual) {
        case (.object(let expected), .object(let got)):
            return expected.keys.sorted().flatMap { key in
                expected[key]!.subsetMismatches(in: got[key], path: "\(path).\(key)")
            }
        case (.array(let expected), .array(let got)):
            guard expected.count == got.count else {
                return ["\(path): \(got.count) items, expected \(expected.count): \(actual)"]
            }
            return zip(expected, got).enumerated().flatMap { index, pair in
                pair.0.subsetMismatches(in: pair.1, path: "\(path)[\(index)]")
            }
        case (.number(let expected), .number(let got)):
            return expected == got ? [] : ["\(path): \(got), expected \(expected)"]
        default:
            return self == actual ? [] : ["\(path): \(actual), expected \(self)"]
        }
    }

    /// Replaces every `${name}` of `variables`.
    func substituting(_ variables: [String: String]) -> TestJSON {
        variables.reduce(self) { $0.substituting($1.key, with: $1.value) }
    }

    /// The JSON text of this value (numbers in their exact decimal form).
    var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.description
        case .string(let s): Self.quoted(s)
        case .array(let a): "[" + a.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let o): "{" + o.keys.sorted().map { Self.quoted($0) + ":" + o[$0]!.jsonText }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }
}
