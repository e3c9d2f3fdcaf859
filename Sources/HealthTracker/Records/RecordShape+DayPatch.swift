import LambdaHTTP
import UTCTime

extension RecordShape {
    /// The PATCH body of a record kept per day (activity days, sleep nights): `date` is required
    /// and selects the record; `user_uuid` may be given but must match.
    static func decodeDayPatch(_ body: JSONValue) throws(RecordValidationError) -> (date: CalendarDate, patch: RecordPatch<Self>) {
        var reader = try BodyReader(body)
        var keys: [FieldChange] = []
        reader.patchKey(reader.uuid("user_uuid").map(ColumnValue.uuid), "user_uuid", into: &keys)
        let date = reader.require(reader.date("date"), "date")
        if let date { keys.append(FieldChange(column: "date", value: .date(date))) }
        let changes = readChanges(&reader)
        let patch = try finishPatch(&reader, changes: changes, keys: keys)
        guard let date else { throw RecordValidationError(code: .invalidBody, issues: reader.issues) }
        return (date, patch)
    }
}
