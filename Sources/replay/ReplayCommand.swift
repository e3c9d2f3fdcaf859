import ArgumentParser

/// `replay`: invoke, event, run, serve, migrate, smoke.
@main
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the Health Tracker functions locally, as Lambda and API Gateway would.",
        subcommands: [InvokeCommand.self, EventCommand.self, RunCommand.self, ServeCommand.self, MigrateCommand.self, SmokeCommand.self]
    )
}
