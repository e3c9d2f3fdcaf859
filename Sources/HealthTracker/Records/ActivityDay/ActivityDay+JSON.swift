public import LambdaHTTP
public import UTCTime

extension ActivityDay {
    public typealias Patch = RecordPatch<ActivityDay>

    /// A POST body: `user_uuid` and `date` required, ≥ 1 field, every rule of §1.
    public static func decodeCreate(_ body: JSONValue) throws(RecordValidationError) -> ActivityDay {
        try decodeCreate(
            body, blank: ActivityDay(userUUID: RecordPlaceholder.uuid, date: RecordPlaceholder.date),
            context: RuleContext()
        ) { reader, record in
            if let value = reader.require(reader.uuid("user_uuid"), "user_uuid") { record.userUUID = value }
            if let value = reader.require(reader.date("date"), "date") { record.date = value }
        }
    }

    /// A PATCH body (`PATCH .../{user_uuid}/update`): `date` is required and selects the day;
    /// `user_uuid` may be given but must match.
    public static func decodePatch(_ body: JSONValue) throws(RecordValidationError) -> (date: CalendarDate, patch: Patch) {
        try decodeDayPatch(body)
    }

    /// This day as `patch` leaves it, after every rule on the whole record.
    public func merged(with patch: Patch) throws(RecordValidationError) -> ActivityDay {
        try merging(patch, context: RuleContext())
    }

    /// The response body of this record.
    public var jsonText: String { jsonObjectText }
}
