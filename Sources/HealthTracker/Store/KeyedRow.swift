import Essentials
import FoundationEssentials
import LambdaHTTP

/// A health record's row: owned by `user_uuid`, unique per owner by one key column
/// (`test_date`, `recorded` or `date`), listed newest first by that key.
protocol KeyedRow: TableRow {
    /// The prepared statements of this record's table.
    static var statements: KeyedStatements { get }
    var userUUID: UUID { get }
    var recordKey: RecordKey { get }
    /// A POST body as a record, checked against every rule.
    static func decodeCreate(_ body: JSONValue) throws(RecordValidationError) -> Self
    /// The record as `patch` leaves it, checked against every rule.
    func merged(with patch: RecordPatch<Self>) throws(RecordValidationError) -> Self
}

extension KeyedRow {
    /// The key column's name (`test_date`, `recorded`, `date`).
    static var keyColumn: String { resource.keyName ?? "date" }

    /// This record's `GET` path, with the key percent-encoded (instants hold `:`).
    var resourcePath: String {
        Self.resource.collectionPath + userUUID.lowercasedText + "/" + recordKey.description.percentEncoded
    }
}
