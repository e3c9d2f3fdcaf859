public import FoundationEssentials
public import LambdaHTTP
public import UTCTime

extension User {
    public typealias Patch = RecordPatch<User>

    /// A POST body. `user_uuid` is server-made (the caller's `sub`, or a new UUID), so the body
    /// may not hold it; `today` (UTC) bounds `date_of_birth`.
    public static func decodeCreate(_ body: JSONValue, userUUID: UUID, today: CalendarDate) throws(RecordValidationError) -> User {
        try decodeCreate(
            body, blank: User(userUUID: userUUID, email: "", fullName: ""),
            context: RuleContext(today: today), readOnly: ["user_uuid"]
        ) { _, _ in }
    }

    /// A PATCH body: `email`, `full_name` (not clearable), `date_of_birth`, `sex` (`null` clears).
    /// `user_uuid` may be given but must match the user.
    public static func decodePatch(_ body: JSONValue) throws(RecordValidationError) -> Patch {
        var reader = try BodyReader(body)
        var keys: [FieldChange] = []
        reader.patchKey(reader.uuid("user_uuid").map(ColumnValue.uuid), "user_uuid", into: &keys)
        let changes = readChanges(&reader)
        return try finishPatch(&reader, changes: changes, keys: keys)
    }

    /// This user as `patch` leaves it, after every rule on the whole record.
    public func merged(with patch: Patch, today: CalendarDate) throws(RecordValidationError) -> User {
        try merging(patch, context: RuleContext(today: today))
    }

    /// The response body of this user.
    public var jsonText: String { jsonObjectText }
}
