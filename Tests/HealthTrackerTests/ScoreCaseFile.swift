import Foundation
import LambdaHTTP
import TestTags

/// The score's worked cases, in their one home: `docs/health-score-cases.json`, beside the
/// specification (health-score.md §9). The numbered cases came with the specification; the
/// lettered ones were added by the project, hand-computed the same way (their `worked`).
enum ScoreCaseFile {
    static let url = PackageRoot.url.appendingPathComponent("docs/health-score-cases.json")

    static func document() throws -> JSONValue {
        try JSONValue.parse(Array(try Data(contentsOf: url)))
    }

    /// Loaded once; a missing or broken file leaves this empty, which the suites' first test fails.
    static let cases: [JSONValue] = (try? document()["cases"]?.arrayValue) ?? []
    static let names: [String] = cases.compactMap { $0["name"]?.stringValue }

    static func named(_ name: String) -> JSONValue? {
        cases.first { $0["name"]?.stringValue == name }
    }
}
