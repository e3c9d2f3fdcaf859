import Foundation
import LambdaHTTP

/// What the conformance cases need beyond `JSONValue`: `${name}` variables, and comparing the
/// engine's output against an expected document that may leave members out.
extension JSONValue {
    /// Replaces `${name}` in every string.
    func substituting(_ name: String, with value: String) -> JSONValue {
        switch self {
        case .string(let s): .string(s.replacingOccurrences(of: "${\(name)}", with: value))
        case .array(let a): .array(a.map { $0.substituting(name, with: value) })
        case .object(let o): .object(o.mapValues { $0.substituting(name, with: value) })
        default: self
        }
    }

    /// Replaces every `${name}` of `variables`.
    func substituting(_ variables: [String: String]) -> JSONValue {
        variables.reduce(self) { $0.substituting($1.key, with: $1.value) }
    }

    /// Where `self` (expected) is not a deep subset of `actual`: objects may have extra keys,
    /// arrays must match in length and order, numbers compare by value (100 == 100.0).
    func subsetMismatches(in actual: JSONValue?, path: String = "$") -> [String] {
        guard let actual else { return ["\(path): missing"] }
        switch (self, actual) {
        case (.object(let expected), .object(let got)):
            return expected.keys.sorted().flatMap { key in
                expected[key]!.subsetMismatches(in: got[key], path: "\(path).\(key)")
            }
        case (.array(let expected), .array(let got)):
            guard expected.count == got.count else {
                return ["\(path): \(got.count) items, expected \(expected.count): \(actual.jsonText)"]
            }
            return zip(expected, got).enumerated().flatMap { index, pair in
                pair.0.subsetMismatches(in: pair.1, path: "\(path)[\(index)]")
            }
        default:
            // `JSONNumber`'s equality is by value.
            return self == actual ? [] : ["\(path): \(actual.jsonText), expected \(jsonText)"]
        }
    }
}
