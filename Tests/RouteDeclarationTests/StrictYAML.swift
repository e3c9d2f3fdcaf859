import Foundation
import Yams

/// A file whose layout the route declaration test does not understand. The test fails
/// with it rather than skip what it cannot read.
struct DeclarationLayoutError: Error, CustomStringConvertible {
    let file: String
    let line: Int?
    let message: String

    var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message) (the route declaration test does not understand this layout)"
    }
}

/// A YAML node read strictly: each accessor checks the shape it expects and throws a
/// `DeclarationLayoutError` naming the file and line when it finds another.
struct StrictNode {
    let node: Node
    let file: String

    /// Parses a whole file (aliases resolved, tags such as `!Ref` kept on their nodes).
    static func load(_ url: URL) throws -> StrictNode {
        let name = url.lastPathComponent
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let root = try Yams.compose(yaml: text) else {
            throw DeclarationLayoutError(file: name, line: nil, message: "the file is empty")
        }
        return StrictNode(node: root, file: name)
    }

    func layoutError(_ message: String) -> DeclarationLayoutError {
        DeclarationLayoutError(file: file, line: node.mark?.line, message: message)
    }

    /// The pairs of a mapping, in file order. A key given twice is an error: YAML parsers
    /// keep one of them silently, which could hide a route.
    func pairs(_ what: String) throws -> [(key: String, value: StrictNode)] {
        guard case .mapping(let mapping) = node else { throw layoutError("\(what) is not a mapping") }
        var seen: Set<String> = []
        var result: [(key: String, value: StrictNode)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw StrictNode(node: key, file: file).layoutError("a key of \(what) is not a scalar")
            }
            guard seen.insert(scalar.string).inserted else {
                throw StrictNode(node: key, file: file).layoutError("\(what) has the key \(scalar.string) twice")
            }
            result.append((scalar.string, StrictNode(node: value, file: file)))
        }
        return result
    }

    func elements(_ what: String) throws -> [StrictNode] {
        guard case .sequence(let sequence) = node else { throw layoutError("\(what) is not a sequence") }
        return sequence.map { StrictNode(node: $0, file: file) }
    }

    /// A plain string: not a number or a boolean, and not tagged (`!Ref`, `!Sub`...), whose
    /// value only CloudFormation would know.
    func string(_ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw layoutError("\(what) is not a plain string") }
        guard node.tag.rawValue == Tag.Name.str.rawValue else {
            throw layoutError("\(what) is \(scalar.string) with tag \(node.tag.rawValue), not a plain string")
        }
        return scalar.string
    }

    /// A YAML boolean (`true`, `false`), not a string that reads like one.
    func bool(_ what: String) throws -> Bool {
        guard case .scalar(let scalar) = node, node.tag.rawValue == Tag.Name.bool.rawValue, let value = Bool.construct(from: scalar) else {
            throw layoutError("\(what) is not a boolean")
        }
        return value
    }

    /// The value of `key` in this mapping; missing is an error.
    func value(_ key: String, in what: String) throws -> StrictNode {
        guard let found = try optionalValue(key, in: what) else { throw layoutError("\(what) has no \(key)") }
        return found
    }

    func optionalValue(_ key: String, in what: String) throws -> StrictNode? {
        try pairs(what).first { $0.key == key }?.value
    }
}
