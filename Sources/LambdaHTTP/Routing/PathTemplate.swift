/// A path template split once into segments, so matching a request compares strings only.
struct PathTemplate: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    let segments: [Segment]

    /// A segment written `{name}` is a variable; anything else is literal text.
    init(_ template: String) {
        segments = PathTemplate.split(template).map { segment in
            if segment.count > 2, segment.first == "{", segment.last == "}" {
                return .variable(String(segment.dropFirst().dropLast()))
            }
            return .literal(String(segment))
        }
    }

    /// The template with variable names erased: routes with the same shape share a path.
    var shape: [String?] {
        segments.map { if case .literal(let text) = $0 { text } else { nil } }
    }

    /// Path segments, ignoring one leading and one trailing slash; `/` has none, and an
    /// empty segment (`//`) is kept so that it matches nothing.
    static func split(_ path: some StringProtocol) -> [Substring] {
        var slice = Substring(path)
        if slice.hasPrefix("/") { slice = slice.dropFirst() }
        if slice.isEmpty { return [] }
        if slice.hasSuffix("/") { slice = slice.dropLast() }
        return slice.split(separator: "/", omittingEmptySubsequences: false)
    }
}
