public import Postgres

extension ColumnValue: PostgresEncodable {
    /// Sent as text; the server types it from the column it is compared with or stored in.
    public var postgresText: String? { parameterText }
}
