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

    @Option(help: ArgumentHelp(
        "Then set the application role's password from this environment variable, as the migrate function does from the application's secret.",
        valueName: "NAME"
    ))
    var applicationPasswordEnv: String?

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
        // Read before migrating, so a missing variable changes nothing.
        let password = try applicationPasswordEnv.map { name in
            guard let value = environment[name], !value.isEmpty else {
                throw ValidationError("--application-password-env: \(name) is not set or empty")
            }
            return value
        }
        let applied = try migrator.migrate(connection, timescale: try TimescaleMode(environment: environment)) { note in
            Output.err(note + "\n")
        }
        if let password {
            try HealthTrackerSchema.setApplicationRolePassword(password, on: connection)
            Output.out("set the password of role \(HealthTrackerSchema.applicationRole)\n")
        }
        let now = try Migrator.currentVersion(connection)
        Output.out(applied.isEmpty
            ? "schema is up to date at version \(now)\n"
            : "applied \(applied.map(String.init).joined(separator: ", ")); schema is at version \(now)\n")
    }
}
