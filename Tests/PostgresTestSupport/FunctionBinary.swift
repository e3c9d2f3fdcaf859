import Foundation

/// Finds a function binary SwiftPM built next to the test bundle.
public enum FunctionBinary {
    public static func path(_ name: String) -> String? {
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent(name))
            candidates.append(directory.appendingPathComponent("debug/\(name)"))
            directory.deleteLastPathComponent()
        }
        candidates.append(TestCluster.packageRoot.appendingPathComponent(".build/debug/\(name)"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }
}
