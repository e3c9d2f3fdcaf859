import ArgumentParser
import HealthTracker
import Postgres
import ReplayKit

/// `replay migrate`: the schema migrations, as `health-migrate` applies them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the schema migrations to DATABASE_URL."
    )

    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    func run() async throws {
        var environment = FunctionFleet.processEnvironment()
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        let configuration = try PostgresConfiguration.fromEnvironment(environment, applicationName: "replay-migrate")
        let connection = try PostgresConnection(configuration: configuration)
        defer { connection.close() }
        let applied = try HealthTrackerSchema.migrator.migrate(connection)
        let now = try Migrator.currentVersion(connection)
        Output.out(applied.isEmpty
            ? "schema is up to date at version \(now)\n"
            : "applied \(applied.map(String.init).joined(separator: ", ")); schema is at version \(now)\n")
    }
}
