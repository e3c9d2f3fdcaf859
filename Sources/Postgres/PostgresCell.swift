/// One column of one row as the server sent it (text format), valid while its rows live.
public struct PostgresCell {
    /// The bytes, or nil for SQL NULL.
    public let bytes: UnsafeBufferPointer<UInt8>?
    let rows: PostgresRows
    let column: Int

    /// The column's name, for error messages (looked up only when asked: it costs an allocation).
    public var columnName: String { rows.columnName(column) }

    /// The text form; empty for NULL.
    public var text: String {
        bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The error for a value this type cannot read. The value itself is not included:
    /// it may be a health measurement.
    public func decodingError(_ typeName: String) -> PostgresError {
        PostgresError(
            code: .decoding,
            message: bytes == nil
                ? "column \(columnName) is NULL; read it as an Optional"
                : "column \(columnName) cannot be read as \(typeName)"
        )
    }

    /// The bytes of a non-NULL value, or a decoding error.
    public func requireBytes(_ typeName: String) throws(PostgresError) -> UnsafeBufferPointer<UInt8> {
        guard let bytes else { throw decodingError(typeName) }
        return bytes
    }
}
