import FoundationEssentials
import Postgres

/// Reads and writes one health record table on a connection. One statement per operation.
struct KeyedStore<Record: KeyedRow> {
    let connection: PostgresConnection

    /// `INSERT ... RETURNING`: a key conflict is `.conflict`, a missing user `.notFound`.
    func insert(_ record: Record) throws(PostgresError) -> Record {
        let rows = try connection.execute(Record.statements.insert, record.writableColumns.map(\.value))
        guard let row = rows.first else { throw PostgresError(code: .other, message: "INSERT returned no row") }
        return try Record(row: row)
    }

    func get(user: UUID, key: RecordKey) throws(PostgresError) -> Record? {
        let rows = try connection.execute(Record.statements.get, [ColumnValue.uuid(user), key.columnValue])
        return try rows.first.map { row throws(PostgresError) in try Record(row: row) }
    }

    /// Up to `limit` records newest first, strictly before `before`, within `from`...`to`.
    func page(user: UUID, before: RecordKey?, from: RecordKey?, to: RecordKey?, limit: Int) throws(PostgresError) -> [Record] {
        let rows = try connection.execute(Record.statements.listPage, [
            ColumnValue.uuid(user), Self.bound(before, "infinity"), Self.bound(to, "infinity"),
            Self.bound(from, "-infinity"), ColumnValue.integer(limit),
        ])
        return try Record.decodeAll(rows)
    }

    /// Sets exactly the changed columns of one record; nil when it no longer exists.
    func update(user: UUID, key: RecordKey, changes: [FieldChange]) throws(PostgresError) -> Record? {
        let sql = Record.updateSQL(
            changes: changes, keyCondition: "user_uuid = $1 AND \(Record.keyColumn) = $2", keyCount: 2)
        let rows = try connection.execute(sql, [ColumnValue.uuid(user), key.columnValue] + changes.map(\.value))
        return try rows.first.map { row throws(PostgresError) in try Record(row: row) }
    }

    /// Deletes what the selector names; the number of records deleted.
    func delete(user: UUID, _ selector: DeleteSelector) throws(PostgresError) -> Int {
        let statements = Record.statements
        let rows = switch selector {
        case .key(let key):
            try connection.execute(statements.deleteKey, [ColumnValue.uuid(user), key.columnValue])
        case .range(let from, let to):
            try connection.execute(statements.deleteRange, [ColumnValue.uuid(user), from.columnValue, to.columnValue])
        case .all:
            try connection.execute(statements.deleteAll, [ColumnValue.uuid(user)])
        }
        return rows.affectedRows
    }

    private static func bound(_ key: RecordKey?, _ unbounded: String) -> ColumnValue {
        key?.columnValue ?? .text(unbounded)
    }
}
