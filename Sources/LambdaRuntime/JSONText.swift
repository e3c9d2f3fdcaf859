/// Minimal JSON string writing for the runtime's own documents (log lines and error
/// reports), which must be valid JSON whatever bytes a message holds.
public enum JSONText {
    /// `text` as a JSON string literal. Swift strings are valid Unicode, so the output
    /// is valid UTF-8; control characters are escaped as `\u00XX`.
    public static func quoted(_ text: String) -> String {
        // Most text (names, ids, routes) needs no escape: copied whole, not byte by byte.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }) {
            var out = "\""
            out.reserveCapacity(text.utf8.count + 2)
            out += text
            out += "\""
            return out
        }
        // Byte by byte over the UTF-8: every byte of a multi-byte sequence is >= 0x80 and
        // copied as it is, so only ASCII needs looking at (this runs for every response body).
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            // Two-byte escapes appended one byte at a time: no array literal per escape.
            let escape: UInt8? = switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "\n"): UInt8(ascii: "n")
            case UInt8(ascii: "\r"): UInt8(ascii: "r")
            case UInt8(ascii: "\t"): UInt8(ascii: "t")
            default: nil
            }
            if let escape {
                out.append(UInt8(ascii: "\\"))
                out.append(escape)
            } else if byte < 0x20 || byte == 0x7F {
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            } else {
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
