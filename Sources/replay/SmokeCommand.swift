import ArgumentParser
import LambdaRuntime
import ReplayKit

/// `replay smoke DIR…`: scripts/smoke-zips' driver (see `ZipSmokeTest`).
struct SmokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smoke",
        abstract: "Check unpacked function zips: each bootstrap under the emulator, and the libraries it loads.",
        discussion: """
            Each DIR is an unpacked NAME.zip, named NAME. Its bootstrap must answer the requests the router \
            answers by itself (405 with Allow, 400 for a malformed uuid) with problem+json and the request id, \
            and load no shared object but glibc's own. One line per function; exits 1 if any failed.
            """
    )

    @Option(help: "glibc's libraries, comma-separated (GLIBC_LIBS in scripts/lambda-lib.sh): the only shared objects a bootstrap may load.")
    var baseLibraries: String

    @Option(help: "A migrated PostgreSQL database the functions open (default: $DATABASE_URL).")
    var databaseURL: String?

    @Argument(help: "Unpacked function zips, each named after its function.")
    var directories: [String]

    func run() async throws {
        guard let url = databaseURL ?? ProcessEnvironment.current()["DATABASE_URL"] else {
            throw ValidationError("set DATABASE_URL or --database-url to a migrated database")
        }
        let libraries = baseLibraries.split(separator: ",").map(String.init)
        guard !libraries.isEmpty else { throw ValidationError("--base-libraries names no library") }
        let failed = try await ZipSmokeTest(baseLibraries: libraries, databaseURL: url)
            .run(directories: directories) { Output.out($0 + "\n") }
        Output.out("zip-smoke: \(directories.count - failed) passed, \(failed) failed\n")
        if failed > 0 { throw ExitCode(1) }
    }
}
