/// Strict parsing of single query values.
enum QueryValue {
    /// Decimal digits only (no sign, no spaces), at most 9 of them.
    static func integer(_ text: String) -> Int? {
        guard (1...9).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    static func key(_ name: String, _ parameters: [String: String], kind: RecordKey.Kind, issues: inout [FieldIssue]) -> RecordKey? {
        guard let text = parameters[name] else { return nil }
        guard let key = RecordKey(text, kind: kind) else {
            issues.append(FieldIssue(name: name, reason: RecordKey.reason(kind)))
            return nil
        }
        return key
    }
}
