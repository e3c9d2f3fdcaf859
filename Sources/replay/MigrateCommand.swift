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
        commandName: "migrate", abstract: "Apply the schema migrations to DATABASE_URL.",
        discussion: "TIMESCALEDB=auto (default) makes hypertables where TimescaleDB is usable and says why not otherwise; "
            + "TIMESCALEDB=require fails instead; TIMESCALEDB=off never uses it."
    )

    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    @Flag(help: "Apply nothing; exit 1 if the schema is behind, naming what is missing.")
    var check = false

    func run() async throws {
        var environment = ProcessEnvironment.current()
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        let configuration = try DatabaseSettings.fromFunctionEnvironment(environment, applicationName: "replay-migrate").writer
        let connection = try PostgresConnection(configuration: configuration)
        defer { connection.close() }
        let migrator = HealthTrackerSchema.migrator
        if check {
            try migrator.checkSchema(connection)
            Output.out("schema is at version \(try Migrator.currentVersion(connection)) (needs \(migrator.requiredVersion))\n")
            return
        }
        let applied = try migrator.migrate(connection, timescale: try TimescaleMode(environment: environment)) { note in
            Output.err(note + "\n")
        }
        let now = try Migrator.currentVersion(connection)
        Output.out(applied.isEmpty
            ? "schema is up to date at version \(now)\n"
            : "applied \(applied.map(String.init).joined(separator: ", ")); schema is at version \(now)\n")
    }
}
