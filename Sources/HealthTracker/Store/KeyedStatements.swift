import Postgres

/// The SQL of one health record table, prepared once per connection for the hot paths.
///
/// Every statement is parameterised; table and column names come from the record's own
/// field table. The list's bounds are always bound (`infinity`/`-infinity` when absent) so the
/// generic plan keeps a range condition on the primary key: a page costs the same at any depth.
struct KeyedStatements: Sendable {
    let insert: PreparedStatement
    /// `$1` owner, `$2` key.
    let get: PreparedStatement
    /// `$1` owner, `$2` before (exclusive, the cursor), `$3` to (inclusive), `$4` from (inclusive), `$5` limit.
    let listPage: PreparedStatement
    /// `$1` owner, `$2` key.
    let deleteKey: PreparedStatement
    /// `$1` owner, `$2` from, `$3` to (inclusive).
    let deleteRange: PreparedStatement
    /// `$1` owner.
    let deleteAll: PreparedStatement

    init<Record: KeyedRow>(_ record: Record.Type) {
        let table = Record.tableName, key = Record.keyColumn, select = Record.selectList
        insert = PreparedStatement(name: "\(table)_insert", sql: Record.insertSQL)
        get = PreparedStatement(
            name: "\(table)_get",
            sql: "SELECT \(select) FROM \(table) WHERE user_uuid = $1 AND \(key) = $2")
        listPage = PreparedStatement(
            name: "\(table)_list_page",
            sql: """
                SELECT \(select) FROM \(table)
                WHERE user_uuid = $1 AND \(key) < $2 AND \(key) <= $3 AND \(key) >= $4
                ORDER BY \(key) DESC LIMIT $5
                """)
        deleteKey = PreparedStatement(
            name: "\(table)_delete_key", sql: "DELETE FROM \(table) WHERE user_uuid = $1 AND \(key) = $2")
        deleteRange = PreparedStatement(
            name: "\(table)_delete_range",
            sql: "DELETE FROM \(table) WHERE user_uuid = $1 AND \(key) BETWEEN $2 AND $3")
        deleteAll = PreparedStatement(name: "\(table)_delete_all", sql: "DELETE FROM \(table) WHERE user_uuid = $1")
    }
}
