public import Foundation

/// The package's folder, where the suites read the repository's own documents (docs/,
/// Tests/Fixtures, the templates). HEALTHTRACKER_PACKAGE_ROOT points them at another copy
/// of the tree: scripts/check-standalone runs them against a copy with nothing beside it.
public enum PackageRoot {
    public static let url: URL = {
        if let root = ProcessInfo.processInfo.environment["HEALTHTRACKER_PACKAGE_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // TestTags
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent() // package root
    }()
}
