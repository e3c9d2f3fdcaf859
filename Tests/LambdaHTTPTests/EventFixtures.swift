import Foundation
import LambdaHTTP
import TestTags

/// The AWS event fixtures in `Tests/Fixtures/events` (where each came from: its SOURCES.md).
enum EventFixtures {
    static let directory: URL = PackageRoot.url.appendingPathComponent("Tests/Fixtures/events")

    /// Folder name and the kind each of its events must be recognised as.
    static let folders: [(name: String, kind: HTTPEventKind)] = [
        ("http-api-v2", .httpAPI), ("function-url", .functionURL), ("rest-api-v1", .restAPI), ("alb", .alb),
    ]

    /// Every `.json` file, as "folder/file".
    static func allFiles() throws -> [String] {
        var files: [String] = []
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder.name).path)
            files += names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder.name)/\($0)" }
        }
        return files
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(relativePath)))
    }

    static func request(_ relativePath: String) throws -> HTTPRequest {
        try HTTPRequest(decoding: bytes(relativePath))
    }

    static func event(_ relativePath: String) throws -> HTTPEvent {
        try JSONDecoder().decode(HTTPEvent.self, from: Data(bytes(relativePath)))
    }
}
