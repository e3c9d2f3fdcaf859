import Postgres
import UTCTime

/// A record type stored as one row of a table: how a row becomes the typed record.
///
/// Rows are selected as `keyNames`, then `fields`, then `created_at`, `updated_at`
/// (`selectList`), so one decoder serves every statement that returns rows.
protocol TableRow: RecordShape {
    /// The resource whose table holds these rows.
    static var resource: RecordResource { get }
    /// A record holding the owner and key read from the first `keyNames.count` columns.
    init(keysOf row: PostgresRow) throws(PostgresError)
    var createdAt: Instant? { get set }
    var updatedAt: Instant? { get set }
}

extension TableRow {
    static var tableName: String { resource.table }

    /// The columns every statement returns, in decoding order.
    static var selectList: String {
        (keyNames + fields.map(\.name) + readOnlyNames).joined(separator: ", ")
    }

    init(row: PostgresRow) throws(PostgresError) {
        self = try Self(keysOf: row)
        let offset = Self.keyNames.count
        let fields = Self.fields
        for (index, field) in fields.enumerated() {
            try field.decode(row, column: offset + index, into: &self)
        }
        createdAt = try row.decode(offset + fields.count, as: Instant.self)
        updatedAt = try row.decode(offset + fields.count + 1, as: Instant.self)
    }

    static func decodeAll(_ rows: PostgresRows) throws(PostgresError) -> [Self] {
        var records: [Self] = []
        records.reserveCapacity(rows.count)
        for row in rows { records.append(try Self(row: row)) }
        return records
    }

    /// `INSERT ... RETURNING`: every writable column, values as `$1...$n` in `columnNames` order.
    static var insertSQL: String {
        let names = writableColumnNames
        let placeholders = (1...names.count).map { "$\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(tableName) (\(names.joined(separator: ", "))) VALUES (\(placeholders)) RETURNING \(selectList)"
    }

    /// `UPDATE ... SET` exactly the changed columns, after `keyCount` key parameters; column
    /// names come from the record's own field table, never from the request.
    static func updateSQL(changes: [FieldChange], keyCondition: String, keyCount: Int) -> String {
        let sets = changes.enumerated().map { "\($0.element.column) = $\(keyCount + $0.offset + 1)" }
        return "UPDATE \(tableName) SET \(sets.joined(separator: ", ")) WHERE \(keyCondition) RETURNING \(selectList)"
    }
}
