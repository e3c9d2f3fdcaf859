/// One column a PATCH changes, with its new value (`.null` clears it).
public struct FieldChange: Sendable, Equatable {
    public let column: String
    public let value: ColumnValue

    public init(column: String, value: ColumnValue) {
        self.column = column
        self.value = value
    }
}
