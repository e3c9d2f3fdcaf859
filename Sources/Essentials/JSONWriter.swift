/// JSON text written value by value into one buffer: the one writer of the function path
/// (`JSONValue`'s text in LambdaHTTP, and the runtime's log lines, EMF records and error
/// documents), so every document escapes and separates the same way.
///
/// The writer puts the commas (and, when pretty, the line breaks and indentation) between
/// values itself; the caller says only what comes next. Strings are escaped byte by byte over
/// their UTF-8: quote and backslash, `\n`, `\r`, `\t`, and any other control character (and
/// DEL) as `\u00XX`; everything else, multi-byte sequences included, is copied as it is, so
/// the output is valid UTF-8 whatever a message holds.
public struct JSONWriter: Sendable {
    /// The UTF-8 written so far.
    public private(set) var bytes: [UInt8] = []
    /// Two spaces per level and a line per member or item; compact (no spaces at all) when false.
    private let pretty: Bool
    private var depth = 0
    /// Nothing written yet in the innermost open container: the next value needs no comma.
    private var first = true
    /// A member's name was just written: its value follows with no separator.
    private var afterName = false

    /// `capacity`: the bytes to reserve, when the caller knows about how long the text gets.
    public init(pretty: Bool = false, capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        self.pretty = pretty
    }

    /// The text written so far.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    public mutating func beginObject() {
        beginValue()
        open(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beginValue()
        open(UInt8(ascii: "["))
    }

    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// A member's name, inside an object; its value is the next thing written.
    public mutating func name(_ name: String) {
        beginValue()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterName = true
    }

    public mutating func string(_ value: String) {
        beginValue()
        appendQuoted(value)
    }

    /// A number's text as it is: the caller gives valid JSON number text.
    public mutating func number(text numberText: String) {
        beginValue()
        bytes.append(contentsOf: numberText.utf8)
    }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A value that is JSON text already (another writer's `bytes`): a part that is the same in
    /// every document of one shape is rendered once and copied.
    public mutating func json(_ valueBytes: [UInt8]) {
        beginValue()
        bytes.append(contentsOf: valueBytes)
    }

    /// `"name":"value"`: the common member of a log line or a record.
    public mutating func member(_ name: String, _ value: String) {
        self.name(name)
        string(value)
    }

    /// `text` as one JSON string literal.
    public static func quoted(_ text: String) -> String {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.string(text)
        return writer.text
    }

    private mutating func beginValue() {
        if afterName {
            afterName = false
            return
        }
        if depth == 0 { return }
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty { newline() }
        first = false
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty, !first { newline() }
        bytes.append(bracket)
        first = false
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(contentsOf: "  ".utf8) }
    }

    /// Copies the runs that need no escape whole.
    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { source in
            var runStart = 0
            for index in source.indices {
                let byte = source[index]
                // Most bytes need nothing: one comparison chain, then the next.
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
