public import FoundationEssentials

/// Any JSON document, with numbers kept as their exact text (`82.35` stays 82.35, and
/// a 100-digit number keeps all its digits until a rule looks at it).
///
/// Invocation events are parsed into it once and then read into their typed fields
/// (`EventDecodable`); request bodies are checked field by field so that every broken
/// field can be reported at once. Objects keep their members in order (`JSONObject`), so a
/// response built from values is written in the order it was built (`jsonText`).
public enum JSONValue: Sendable, Equatable {
    /// Deep enough for any event or document the functions read; request bodies use less.
    public static let defaultMaxDepth = 64

    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Parses one complete, strict RFC 8259 text in one pass (see `JSONParser`): nesting
    /// deeper than `maxDepth` containers and a member name given twice are errors.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth) throws(JSONValueError) -> JSONValue {
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONValueError> {
            Result(catching: { () throws(JSONValueError) in try JSONParser.parse(buffer, maxDepth: maxDepth) })
        }
        let parsed = bytes.withContiguousStorageIfAvailable(run) ?? Array(bytes).withUnsafeBufferPointer(run)
        return try parsed.get()
    }

    public var objectValue: JSONObject? {
        if case .object(let members) = self { members } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// An object's member; nil for a missing member and for anything but an object.
    /// Setting one on anything but an object changes nothing.
    public subscript(name: String) -> JSONValue? {
        get { objectValue?[name] }
        set {
            guard case .object(var members) = self else { return }
            members[name] = newValue
            self = .object(members)
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The number when `Decimal` holds it exactly; nil for anything else, and for a number
    /// with more digits than that (see `JSONNumber.decimalValue`).
    public var numberValue: Decimal? {
        if case .number(let value) = self { value.decimalValue } else { nil }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// The number as an `Int` when it is integral and fits; `2.5` and `1e30` give nil.
    public var integerValue: Int? {
        if case .number(let value) = self { value.integerValue } else { nil }
    }
}

extension JSONValue: Codable {
    /// Decodes from any `Decoder` (`HTTPEvent`'s `Decodable` conformance reads events through it).
    ///
    /// Asks for the shape that matches first (object, then array, then the scalars), so
    /// each value costs at most a few failed probes, and refuses nesting deeper than
    /// `defaultMaxDepth`, which bounds what a probe's coding path costs.
    public init(from decoder: any Decoder) throws {
        guard decoder.codingPath.count < Self.defaultMaxDepth else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [], debugDescription: "nested deeper than \(Self.defaultMaxDepth)"))
        }
        if let container = try? decoder.container(keyedBy: MemberName.self) {
            var members = JSONObject()
            for key in container.allKeys { members[key.stringValue] = try container.decode(JSONValue.self, forKey: key) }
            self = .object(members)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !container.isAtEnd { items.append(try container.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            self = .number(JSONNumber(try container.decode(Decimal.self)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .object(let members) = self {
            var container = encoder.container(keyedBy: MemberName.self)
            for (name, value) in members { try container.encode(value, forKey: MemberName(stringValue: name)) }
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // An Encoder takes numbers as Decimal: one Decimal cannot hold exactly is refused, not rounded.
            guard let decimal = value.decimalValue else {
                throw EncodingError.invalidValue(value.text, EncodingError.Context(
                    codingPath: encoder.codingPath, debugDescription: "a number with more digits than Decimal holds"))
            }
            try container.encode(decimal)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object: break // written above, member by member
        }
    }

    private struct MemberName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
