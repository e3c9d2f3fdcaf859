/// Whether a migration run turns `Migration.hypertables` into TimescaleDB hypertables.
public enum TimescaleMode: Sendable {
    /// When `pg_available_extensions` lists timescaledb: create the extension, the
    /// hypertables and their compression policies. Otherwise nothing more.
    case whenAvailable
    /// Never (plain tables even where TimescaleDB exists).
    case disabled
    /// Call `create_hypertable` without looking for or creating the extension: for a server
    /// where the functions exist already (a stand-in in tests). Compression is set up only
    /// when `pg_extension` lists timescaledb, since it needs the extension's table options.
    case functionsPresent
}
