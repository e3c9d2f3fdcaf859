public import LambdaHTTP

extension BloodTest {
    public typealias Patch = RecordPatch<BloodTest>

    /// A POST body: `user_uuid` and `test_date` required, ≥ 1 analyte, every rule of §1.
    public static func decodeCreate(_ body: JSONValue) throws(RecordValidationError) -> BloodTest {
        try decodeCreate(
            body, blank: BloodTest(userUUID: RecordPlaceholder.uuid, testDate: RecordPlaceholder.date),
            context: RuleContext()
        ) { reader, record in
            if let value = reader.require(reader.uuid("user_uuid"), "user_uuid") { record.userUUID = value }
            if let value = reader.require(reader.date("test_date"), "test_date") { record.testDate = value }
        }
    }

    /// A PATCH body: only the named fields; `user_uuid`/`test_date` may be given but must match the record.
    public static func decodePatch(_ body: JSONValue) throws(RecordValidationError) -> Patch {
        try decodePathKeyedPatch(body)
    }

    /// This test as `patch` leaves it, after every rule on the whole record.
    public func merged(with patch: Patch) throws(RecordValidationError) -> BloodTest {
        try merging(patch, context: RuleContext())
    }

    /// The response body of this record.
    public var jsonText: String { jsonObjectText }
}
