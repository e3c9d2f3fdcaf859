/// A JSON object's members in the order they were parsed or added, each found by name in
/// constant time: responses, events and replay files are written in the order they mean.
///
/// Equality is JSON's: the same names with equal values, in any order. Member order
/// shows only where the object is written (`JSONValue.jsonText`) or walked.
public struct JSONObject: Sendable, Equatable, RandomAccessCollection, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public typealias Member = (name: String, value: JSONValue)

    public private(set) var members: [Member] = []
    /// Where each name is in `members`.
    private var positions: [String: Int] = [:]

    public init() {}

    /// Members in this order; a name given again replaces the earlier value where it stands.
    public init(_ members: some Sequence<Member>) {
        for member in members { self[member.name] = member.value }
    }

    /// Name-value pairs in this order, as `init(_:)` takes them.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init(pairs.lazy.map { (name: $0.0, value: $0.1) })
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// `[("b", 1), ("a", 2)]`: the members in that order.
    public init(arrayLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member { members[position] }

    /// The names, in order.
    public var keys: [String] { members.map(\.name) }

    /// The member's value; setting one adds it at the end, or replaces it where it stands,
    /// and setting nil removes it.
    public subscript(name: String) -> JSONValue? {
        get { positions[name].map { members[$0].value } }
        set {
            if let newValue {
                updateValue(newValue, forKey: name)
            } else if let position = positions.removeValue(forKey: name) {
                members.remove(at: position)
                for index in position..<members.count { positions[members[index].name] = index }
            }
        }
    }

    /// Sets the member, keeping its place when it exists; returns the value it replaced.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey name: String) -> JSONValue? {
        if let position = positions[name] {
            defer { members[position].value = value }
            return members[position].value
        }
        positions[name] = members.count
        members.append((name: name, value: value))
        return nil
    }

    /// The same names in the same order, each value transformed.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        var mapped = self
        for index in mapped.members.indices { mapped.members[index].value = try transform(mapped.members[index].value) }
        return mapped
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.count == rhs.count && lhs.members.allSatisfy { rhs[$0.name] == $0.value }
    }
}
