/// A part of an event read from its parsed JSON, with the rules `Decodable` had: an absent
/// or null optional field is nil, a missing or null required field and a value of the wrong
/// type are `notAnHTTPEvent` errors naming the field's path, unknown fields are ignored.
protocol EventDecodable {
    init(eventJSON value: JSONValue) throws(LambdaHTTPError)
}

/// One JSON object of an event, read field by field.
struct EventFields {
    let members: JSONObject

    init(_ value: JSONValue) throws(LambdaHTTPError) {
        guard case .object(let members) = value else { throw .eventField("an object is expected") }
        self.members = members
    }

    func optional<Value: EventDecodable>(_ key: String) throws(LambdaHTTPError) -> Value? {
        guard let value = members[key], !value.isNull else { return nil }
        return try Value(eventJSON: value, field: key)
    }

    /// An object member as it was parsed, for a caller that reads its members in one walk
    /// of its own; nil when absent or null.
    func optionalObject(_ key: String) throws(LambdaHTTPError) -> JSONObject? {
        guard let value = members[key], !value.isNull else { return nil }
        guard case .object(let object) = value else { throw LambdaHTTPError.eventField("an object is expected").inField(key) }
        return object
    }

    func required<Value: EventDecodable>(_ key: String) throws(LambdaHTTPError) -> Value {
        guard let value = members[key] else { throw LambdaHTTPError.eventField("is missing").inField(key) }
        guard !value.isNull else { throw LambdaHTTPError.eventField("is null").inField(key) }
        return try Value(eventJSON: value, field: key)
    }
}

extension EventDecodable {
    /// Decodes `value`, a member of an object or array, naming it in any error.
    fileprivate init(eventJSON value: JSONValue, field: String) throws(LambdaHTTPError) {
        do {
            try self.init(eventJSON: value)
        } catch {
            throw error.inField(field)
        }
    }
}

extension LambdaHTTPError {
    fileprivate static func eventField(_ problem: String) -> LambdaHTTPError {
        LambdaHTTPError(code: .notAnHTTPEvent, message: problem)
    }

    /// The same error one field further out: `is null` becomes `b: is null`, then `a.b: is null`.
    /// Only paths and the kind of problem, never the values, which may be personal.
    fileprivate func inField(_ key: String) -> LambdaHTTPError {
        LambdaHTTPError(code: code, message: key + (message.contains(": ") ? "." : ": ") + message)
    }
}

extension String: EventDecodable {
    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        guard case .string(let text) = value else { throw .eventField("a string is expected") }
        self = text
    }
}

extension Bool: EventDecodable {
    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        guard case .bool(let flag) = value else { throw .eventField("true or false is expected") }
        self = flag
    }
}

extension Int64: EventDecodable {
    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        guard let integer = value.integerValue.map(Int64.init) else { throw .eventField("an integer is expected") }
        self = integer
    }
}

extension Array: EventDecodable where Element: EventDecodable {
    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        guard case .array(let items) = value else { throw .eventField("an array is expected") }
        self = []
        reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            append(try Element(eventJSON: item, field: String(index)))
        }
    }
}

extension Dictionary: EventDecodable where Key == String, Value: EventDecodable {
    init(eventJSON value: JSONValue) throws(LambdaHTTPError) {
        self = [:]
        let fields = try EventFields(value)
        reserveCapacity(fields.members.count)
        for (key, member) in fields.members {
            self[key] = try Value(eventJSON: member, field: key)
        }
    }
}

extension JSONValue: EventDecodable {
    /// Any value, null included, with numbers as `Decimal` reads them (`1.50` as `1.5`):
    /// claims and authorizer contexts keep the values they had when `JSONDecoder` read them.
    init(eventJSON value: JSONValue) {
        switch value {
        case .number(let number):
            self = number.decimalValue.map { .number(JSONNumber($0)) } ?? value
        case .array(let items):
            self = .array(items.map(JSONValue.init(eventJSON:)))
        case .object(let members):
            self = .object(members.mapValues(JSONValue.init(eventJSON:)))
        case .null, .bool, .string:
            self = value
        }
    }
}
