/// One row of a result; typed reads by column position or name.
public struct PostgresRow {
    let rows: PostgresRows
    let index: Int

    public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard column >= 0, column < rows.columnCount else {
            throw PostgresError(code: .decoding, message: "no column \(column) in a row of \(rows.columnCount)")
        }
        return try withExtendedLifetime(rows) { () throws(PostgresError) -> T in
            try T.decode(rows.cell(row: index, column: column))
        }
    }

    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let position = rows.columnIndex(column) else {
            throw PostgresError(code: .decoding, message: "no column named \(column)")
        }
        return try decode(position, as: type)
    }
}
