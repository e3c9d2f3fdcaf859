/// A strict RFC 8259 parser: one pass over the bytes, nothing tried twice.
///
/// Rejects what the RFC does not allow (trailing commas, comments, single quotes, `NaN`,
/// leading zeros, control characters in strings, invalid UTF-8, lone surrogates), a
/// member name given twice in one object, and nesting deeper than `maxDepth` as soon as
/// the bracket that goes too deep is read. Recursion is bounded by `maxDepth`.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var index = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONValueError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.malformed("text after the JSON value") }
        return value
    }

    // MARK: - Values

    private mutating func value() throws(JSONValueError) -> JSONValue {
        guard index < bytes.count else { throw malformed("a value is missing") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            guard Self.scanNumber(bytes, at: &index) else { throw malformed("a number is malformed") }
            return .number(JSONNumber(validatedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)))
        default:
            throw malformed("a value is expected")
        }
    }

    private mutating func enter() throws(JSONValueError) {
        depth += 1
        guard depth <= maxDepth else {
            throw JSONValueError(code: .tooDeep, message: "nesting deeper than \(maxDepth) at byte \(index)")
        }
        index += 1
    }

    private mutating func object() throws(JSONValueError) -> JSONValue {
        try enter()
        var members = JSONObject()
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw malformed("a member name is expected") }
            let name = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw malformed("':' is expected after a member name") }
            skipWhitespace()
            let member = try value()
            if members.updateValue(member, forKey: name) != nil {
                throw JSONValueError(code: .duplicateMember, message: "a member name is given twice", member: name)
            }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else { throw malformed("',' or '}' is expected") }
            depth -= 1
            return .object(members)
        }
    }

    private mutating func array() throws(JSONValueError) -> JSONValue {
        try enter()
        var items: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "]")) else { throw malformed("',' or ']' is expected") }
            depth -= 1
            return .array(items)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONValueError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count,
              UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
        else { throw malformed("an unknown literal") }
        index += count
    }

    // MARK: - Strings

    /// A string starting at the opening quote. Without escapes the bytes are validated as
    /// UTF-8 in one go; with escapes they are copied once, then validated.
    private mutating func string() throws(JSONValueError) -> String {
        index += 1
        let start = index
        // ASCII needs no validation (most of an event is ASCII): the generic validating
        // initializer costs about as much as the rest of parsing.
        var seenNonASCII: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let text = seenNonASCII & 0x80 == 0 ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self)
                guard let text else { throw malformed("a string is not valid UTF-8") }
                index += 1
                return text
            }
            seenNonASCII |= byte
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw malformed("a control character in a string") }
            index += 1
        }
        throw malformed("a string is not closed")
    }

    private mutating func escapedString(from start: Int) throws(JSONValueError) -> String {
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw malformed("a string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    UTF8.encode(try unicodeEscape()) { out.append($0) }
                default:
                    throw malformed("an unknown escape in a string")
                }
            case 0..<0x20:
                throw malformed("a control character in a string")
            default:
                out.append(byte)
            }
        }
        throw malformed("a string is not closed")
    }

    /// The scalar of `\uXXXX` (index just after the `u`), joining a surrogate pair.
    private mutating func unicodeEscape() throws(JSONValueError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high) {
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw malformed("a lone surrogate in a string")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw malformed("a lone surrogate in a string") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(high) else { throw malformed("a lone surrogate in a string") }
        return scalar
    }

    private mutating func hex4() throws(JSONValueError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw malformed("a \\u escape is cut short") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("a \\u escape has a non-hex digit")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: - Numbers and whitespace

    /// Moves `index` past one number; false when it breaks RFC 8259 §6's grammar.
    static func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Bool {
        func isDigit(_ i: Int) -> Bool { i < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) }
        func digits() -> Bool {
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
            return true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            // No leading zeros: `01` is not a JSON number.
            if isDigit(index) { return false }
        } else {
            _ = digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() else { return false }
        }
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private func malformed(_ what: String) -> JSONValueError {
        JSONValueError(code: .malformed, message: "\(what) at byte \(index)")
    }
}
