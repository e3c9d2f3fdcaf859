/// A decoded PATCH body: only the fields it names.
///
/// `changes` is what the UPDATE sets (`SET col = $n` for exactly these columns; `.null` clears),
/// so two concurrent PATCHes of different fields both survive; the database CHECK constraints
/// guard the cross-field rules on the final row. `keys` are key or owner fields the body also
/// named: they select the record and must equal its values (a PATCH cannot move a record).
public struct RecordPatch<Record>: Sendable, Equatable {
    public let changes: [FieldChange]
    public let keys: [FieldChange]

    init(changes: [FieldChange], keys: [FieldChange]) {
        self.changes = changes
        self.keys = keys
    }

    /// The new value of a column, if this patch changes it.
    public func change(_ column: String) -> ColumnValue? {
        changes.first { $0.column == column }?.value
    }
}
