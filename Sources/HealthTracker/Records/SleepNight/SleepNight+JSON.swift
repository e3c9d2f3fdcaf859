public import LambdaHTTP
public import UTCTime

extension SleepNight {
    public typealias Patch = RecordPatch<SleepNight>

    /// A POST body: `user_uuid` required; `date` or `start_time`/`end_time` (then `date` is derived
    /// from `end_time`'s UTC date, and must equal it when given); every rule of §1.
    public static func decodeCreate(_ body: JSONValue) throws(RecordValidationError) -> SleepNight {
        var reader = try BodyReader(body)
        var record = SleepNight(userUUID: RecordPlaceholder.uuid, date: RecordPlaceholder.date)
        if let value = reader.require(reader.uuid("user_uuid"), "user_uuid") { record.userUUID = value }
        let date = reader.date("date")
        readFields(&reader, into: &record)
        switch date {
        case .value(let value):
            record.date = value
        case .absent, .null:
            if let endTime = record.endTime {
                record.date = endTime.date
            } else if record.startTime == nil,
                      !reader.invalidNames.contains("start_time"), !reader.invalidNames.contains("end_time") {
                reader.fail("date", "is required without start_time and end_time")
            }
            // Otherwise a time is missing or broken and has its own issue.
        case .invalid:
            break
        }
        reader.rejectReadOnly(readOnlyNames)
        reader.rejectUnknown()
        reader.add(record.ruleIssues(skipping: reader.invalidNames, context: RuleContext()))
        try reader.finish()
        return record
    }

    /// A PATCH body (`PATCH .../{user_uuid}/update`): `date` is required and selects the night;
    /// `user_uuid` may be given but must match. Times that move the night to another wake-up day
    /// are refused at merge time.
    public static func decodePatch(_ body: JSONValue) throws(RecordValidationError) -> (date: CalendarDate, patch: Patch) {
        try decodeDayPatch(body)
    }

    /// This night as `patch` leaves it, after every rule on the whole record.
    public func merged(with patch: Patch) throws(RecordValidationError) -> SleepNight {
        try merging(patch, context: RuleContext())
    }

    /// The response body of this record.
    public var jsonText: String { jsonObjectText }
}
