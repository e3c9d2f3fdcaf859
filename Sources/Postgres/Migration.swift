/// One forward-only schema change, identified by its version.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Fixed SQL, possibly several statements; runs inside the migrator's transaction.
    public let sql: String
    /// Tables this migration creates that become TimescaleDB hypertables where that
    /// extension is available (plain PostgreSQL keeps them as ordinary tables).
    public let hypertables: [Hypertable]
    /// Work SQL cannot say (a Unicode fold PostgreSQL lacks), run after `sql` in the same
    /// transaction; it throws to stop the run, which then rolls back whole.
    public let step: (@Sendable (PostgresConnection) throws -> Void)?

    public init(
        version: Int, name: String, sql: String, hypertables: [Hypertable] = [],
        step: (@Sendable (PostgresConnection) throws -> Void)? = nil
    ) {
        self.version = version
        self.name = name
        self.sql = sql
        self.hypertables = hypertables
        self.step = step
    }
}
