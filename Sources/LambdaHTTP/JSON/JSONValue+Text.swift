import LambdaRuntime

extension JSONValue {
    /// Compact JSON text: no spaces, members in the object's order, numbers as their text,
    /// strings escaped as `JSONText.quoted` does (quote, backslash, control characters).
    public var jsonText: String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// Two-space indented, one member or item per line, a newline at the end (files that
    /// are read and diffed line by line).
    public var prettyText: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    /// `indent` nil writes compact text.
    private func write(to out: inout String, indent: String?) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += value.text
        case .string(let text): out += JSONText.quoted(text)
        case .array(let items):
            writeContainer(to: &out, "[", "]", items, indent: indent) { item, out, inner in item.write(to: &out, indent: inner) }
        case .object(let members):
            writeContainer(to: &out, "{", "}", members, indent: indent) { member, out, inner in
                out += JSONText.quoted(member.name)
                out += inner == nil ? ":" : ": "
                member.value.write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer<Items: Collection>(
        to out: inout String, _ open: String, _ close: String, _ items: Items, indent: String?,
        _ writeItem: (Items.Element, inout String, String?) -> Void
    ) {
        out += open
        guard let indent else {
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                writeItem(item, &out, nil)
            }
            out += close
            return
        }
        if items.isEmpty {
            out += close
            return
        }
        let inner = indent + "  "
        for (index, item) in items.enumerated() {
            out += index > 0 ? ",\n" + inner : "\n" + inner
            writeItem(item, &out, inner)
        }
        out += "\n" + indent + close
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
