import LambdaHTTP

extension KeyedRow {
    /// A PATCH body, read as the resource's descriptor says: the key of the record it selects
    /// when the body names it (records kept per day), nil when the path does; and the changes.
    static func decodeUpdate(_ body: JSONValue) throws(RecordValidationError) -> (key: RecordKey?, patch: RecordPatch<Self>) {
        if let key = resource.key, !key.patchedByPath {
            let (date, patch) = try decodeDayPatch(body)
            return (.date(date), patch)
        }
        return (nil, try decodePathKeyedPatch(body))
    }

    /// The PATCH body of a record its path names: only the named fields; `user_uuid` and the
    /// key may be given but must match the record.
    static func decodePathKeyedPatch(_ body: JSONValue) throws(RecordValidationError) -> RecordPatch<Self> {
        var reader = try BodyReader(body)
        var keys: [FieldChange] = []
        reader.patchKey(reader.uuid("user_uuid").map(ColumnValue.uuid), "user_uuid", into: &keys)
        let key: FieldInput<ColumnValue> = switch resource.keyKind {
        case .date: reader.date(keyColumn).map(ColumnValue.date)
        case .instant: reader.instant(keyColumn).map(ColumnValue.instant)
        }
        reader.patchKey(key, keyColumn, into: &keys)
        let changes = readChanges(&reader)
        return try finishPatch(&reader, changes: changes, keys: keys)
    }
}
