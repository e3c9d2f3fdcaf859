public import Testing

// TestTags: what a suite costs to run, so that a subset can be picked by tag. Swift 6.3's
// `swift test` cannot filter by tag yet, so scripts/test-fast reads these from the sources:
//
//   scripts/test-fast --skip-build                   the fast set (pure)
//   scripts/test-fast --tag database --skip-build    one other cost

extension Tag {
    /// No database and no child process: in-memory work and loopback at most.
    @Tag public static var pure: Self
    /// A fresh database on the test cluster (handlers in process included).
    @Tag public static var database: Self
    /// Real processes: function binaries, probes or replay under the emulator.
    @Tag public static var process: Self
}
