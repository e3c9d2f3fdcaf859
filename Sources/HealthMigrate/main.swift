import CGlibcCompat
import HealthTracker
import Postgres
#if canImport(Glibc)
import Glibc
#endif

// Applies the Health Tracker schema migrations to the database named by DATABASE_URL (or
// DATABASE_SECRET_ARN through the secrets extension). Safe to run from several places at
// once: runs queue on an advisory lock and the later ones find nothing to do.
//
//   health-migrate            apply what is missing
//   health-migrate --check    exit 1 if the schema is behind, naming what is missing

func environment() -> [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") {
            result[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        pointer += 1
    }
    return result
}

func fail(_ message: String) -> Never {
    printError("health-migrate: \(message)")
    exit(1)
}

/// One line on standard error (the C `stderr` global is not concurrency-safe to touch).
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.allSatisfy({ $0 == "--check" }) else {
    fail("usage: health-migrate [--check]")
}
do {
    let configuration = try PostgresConfiguration.fromEnvironment(environment(), applicationName: "health-migrate")
    let connection = try PostgresConnection(configuration: configuration)
    let migrator = HealthTrackerSchema.migrator
    if arguments.contains("--check") {
        try migrator.checkSchema(connection)
        print("schema is at version \(try Migrator.currentVersion(connection)) (needs \(migrator.requiredVersion))")
    } else {
        let applied = try migrator.migrate(connection)
        let now = try Migrator.currentVersion(connection)
        print(applied.isEmpty
            ? "schema is up to date at version \(now)"
            : "applied \(applied.map(String.init).joined(separator: ", ")); schema is at version \(now)")
    }
} catch {
    fail("\(error)")
}
