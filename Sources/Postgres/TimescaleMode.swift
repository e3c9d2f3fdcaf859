/// Whether a migration run turns `Migration.hypertables` into TimescaleDB hypertables.
public enum TimescaleMode: Sendable, Equatable {
    /// When TimescaleDB is usable (already created in the database, or it can be created
    /// now): create the extension, the hypertables and their compression policies. When it is
    /// not (not installed, or installed but not in shared_preload_libraries), the tables stay
    /// plain and the run says why.
    case whenAvailable
    /// As `whenAvailable`, but a TimescaleDB that is not usable fails the run, saying why.
    case required
    /// Never (plain tables even where TimescaleDB exists).
    case disabled
    /// Call `create_hypertable` without looking for or creating the extension: for a server
    /// where the functions exist already (a stand-in in tests). Compression is set up only
    /// when `pg_extension` lists timescaledb, since it needs the extension's table options.
    case functionsPresent

    /// The variable that chooses the mode for `replay migrate` and the migrate function.
    public static let environmentVariable = "TIMESCALEDB"

    /// The mode `TIMESCALEDB` names: unset, empty or `auto` → `whenAvailable`; `require` →
    /// `required`; `off` → `disabled`. Anything else is a configuration error.
    public init(environment: [String: String]) throws(PostgresError) {
        switch environment[Self.environmentVariable]?.lowercased() {
        case nil, "", "auto": self = .whenAvailable
        case "require", "required": self = .required
        case "off", "disabled": self = .disabled
        case let other?:
            throw PostgresError(
                code: .configuration,
                message: "\(Self.environmentVariable)=\(other) is not one of auto, require, off")
        }
    }
}
