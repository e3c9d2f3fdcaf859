/// Minimal JSON string writing for the runtime's own documents (log lines and error
/// reports), which must be valid JSON whatever bytes a message holds.
public enum JSONText {
    /// `text` as a JSON string literal. Swift strings are valid Unicode, so the output
    /// is valid UTF-8; control characters are escaped as `\u00XX`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || c.value == 0x7F:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
