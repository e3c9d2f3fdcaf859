import Essentials

/// Query parameters in order, with repeated names kept; names match exactly.
public struct QueryParameters: Sendable, Equatable, Sequence {
    public private(set) var items: [(name: String, value: String)]

    public init(_ items: [(name: String, value: String)] = []) {
        self.items = items
    }

    /// Parses an encoded query string: `&`-separated, `+` as space, percent-decoded. A part
    /// that does not decode is kept as sent, so nothing is dropped.
    public init(encoded query: some StringProtocol) {
        var items: [(name: String, value: String)] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            items.append((
                name: name.percentDecoded(plusAsSpace: true) ?? name,
                value: value.percentDecoded(plusAsSpace: true) ?? value
            ))
        }
        self.items = items
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    public func values(for name: String) -> [String] {
        items.compactMap { $0.name == name ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool {
        items.contains { $0.name == name }
    }

    /// Distinct names in order of first appearance.
    public var names: [String] {
        var seen = Set<String>()
        return items.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    public var count: Int { items.count }
    public var isEmpty: Bool { items.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        items.makeIterator()
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }
}
