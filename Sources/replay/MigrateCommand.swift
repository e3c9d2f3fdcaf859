import ArgumentParser
import HealthTracker
import LambdaRuntime
import Postgres
import ReplayKit

/// `replay migrate`: applies the schema migrations (the functions only check the version).
/// Safe to run from several places at once: runs queue on an advisory lock and the later
/// ones find nothing to do.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the schema migrations to DATABASE_URL."
    )

    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    @Flag(help: "Apply nothing; exit 1 if the schema is behind, naming what is missing.")
    var check = false

    func run() async throws {
        var environment = ProcessEnvironment.current()
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        do {
            try migrate(environment)
        } catch let error as PostgresError {
            throw error.redacted(by: SecretRedaction(environment: environment))
        }
    }

    private func migrate(_ environment: [String: String]) throws {
        let configuration = try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "replay-migrate").writer
        let connection = try PostgresConnection(configuration: configuration)
        defer { connection.close() }
        let migrator = HealthTrackerSchema.migrator
        if check {
            try migrator.checkSchema(connection)
            Output.out("schema is at version \(try Migrator.currentVersion(connection)) (needs \(migrator.requiredVersion))\n")
            return
        }
        let applied = try migrator.migrate(connection)
        let now = try Migrator.currentVersion(connection)
        Output.out(applied.isEmpty
            ? "schema is up to date at version \(now)\n"
            : "applied \(applied.map(String.init).joined(separator: ", ")); schema is at version \(now)\n")
    }
}
