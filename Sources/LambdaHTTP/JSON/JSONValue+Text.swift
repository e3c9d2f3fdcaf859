import Essentials

extension JSONValue {
    /// Compact JSON text: no spaces, members in the object's order, numbers as their text,
    /// strings escaped as `JSONWriter` escapes them (quote, backslash, control characters).
    public var jsonText: String {
        String(decoding: jsonBytes, as: UTF8.self)
    }

    /// `jsonText`'s UTF-8, without making a string of it (a response payload).
    var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// Two-space indented, one member or item per line, a newline at the end (files that
    /// are read and diffed line by line).
    public var prettyText: String {
        var writer = JSONWriter(pretty: true)
        write(to: &writer)
        return writer.text + "\n"
    }

    /// The value written as the next value of `writer`.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .number(let value): writer.number(text: value.text)
        case .string(let text): writer.string(text)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for member in members {
                writer.name(member.name)
                member.value.write(to: &writer)
            }
            writer.endObject()
        }
    }

    /// The same value with every object's members in name order (`String`'s `<`): a
    /// canonical form where the order a writer chose must not matter.
    public func sortingMembers() -> JSONValue {
        switch self {
        case .null, .bool, .number, .string: self
        case .array(let items): .array(items.map { $0.sortingMembers() })
        case .object(let members):
            .object(JSONObject(members.sorted { $0.name < $1.name }.map { (name: $0.name, value: $0.value.sortingMembers()) }))
        }
    }
}
