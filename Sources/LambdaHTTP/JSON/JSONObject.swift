/// A JSON object's members in the order they were parsed or added: responses, events and
/// replay files are written in the order they mean.
///
/// A name is found by scanning up to `indexThreshold` members, and through an index once an
/// object has more: most objects in an event are small, and a dictionary for each of them
/// cost the decode of a typical API Gateway event about a quarter more (scripts/bench-events).
/// Either way a lookup costs a bounded or constant time, so parsing stays linear.
///
/// Equality is JSON's: the same names with equal values, in any order. Member order
/// shows only where the object is written (`JSONValue.jsonText`) or walked.
public struct JSONObject: Sendable, Equatable, RandomAccessCollection, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    public typealias Member = (name: String, value: JSONValue)

    public private(set) var members: [Member] = []
    /// Where each name is in `members`; nil while the object is small enough to scan.
    private var positions: [String: Int]?
    package static let indexThreshold = 16

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
        get { position(of: name).map { members[$0].value } }
        set {
            if let newValue {
                updateValue(newValue, forKey: name)
            } else if let position = position(of: name) {
                members.remove(at: position)
                positions = nil
                indexIfLarge()
            }
        }
    }

    private func position(of name: String) -> Int? {
        if let positions { return positions[name] }
        return members.firstIndex { $0.name == name }
    }

    private mutating func indexIfLarge() {
        guard positions == nil, members.count > Self.indexThreshold else { return }
        var index: [String: Int] = [:]
        index.reserveCapacity(members.count * 2)
        for (position, member) in members.enumerated() { index[member.name] = position }
        positions = index
    }

    /// Sets the member, keeping its place when it exists; returns the value it replaced.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey name: String) -> JSONValue? {
        if let position = position(of: name) {
            defer { members[position].value = value }
            return members[position].value
        }
        members.append((name: name, value: value))
        if positions != nil {
            positions![name] = members.count - 1
        } else {
            indexIfLarge()
        }
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
