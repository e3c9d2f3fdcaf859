public import Testing

// TestTags: what a suite costs to run, so that a subset can be picked by tag:
//
//   swift test --skip-build --filter tag:pure        the fast set
//   swift test --skip-build --skip tag:process       everything but real processes

extension Tag {
    /// No database and no child process: in-memory work and loopback at most.
    @Tag public static var pure: Self
    /// A fresh database on the test cluster (handlers in process included).
    @Tag public static var database: Self
    /// Real processes: function binaries, probes or replay under the emulator.
    @Tag public static var process: Self
}
