import FoundationEssentials
import LambdaHTTP

/// A health record's row: owned by `user_uuid`, unique per owner by one key column
/// (`test_date`, `recorded` or `date`), listed newest first by that key.
protocol KeyedRow: TableRow {
    static var resource: RecordResource { get }
    /// The prepared statements of this record's table.
    static var statements: KeyedStatements { get }
    /// The collection path, e.g. `/api/blood-tests/`; a record's own path appends owner and key.
    static var collectionPath: String { get }
    var userUUID: UUID { get }
    var recordKey: RecordKey { get }
}

extension KeyedRow {
    /// The key column's name (`test_date`, `recorded`, `date`).
    static var keyColumn: String { resource.keyName ?? "date" }

    /// This record's `GET` path, with the key percent-encoded (instants hold `:`).
    var resourcePath: String {
        Self.collectionPath + userUUID.lowercasedText + "/" + recordKey.description.percentEncoded
    }
}
