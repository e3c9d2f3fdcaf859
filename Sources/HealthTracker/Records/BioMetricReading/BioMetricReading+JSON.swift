public import LambdaHTTP

extension BioMetricReading {
    public typealias Patch = RecordPatch<BioMetricReading>

    /// A POST body: `user_uuid` and `recorded` required, ≥ 1 measurement, every rule of §1.
    public static func decodeCreate(_ body: JSONValue) throws(RecordValidationError) -> BioMetricReading {
        try decodeCreate(
            body, blank: BioMetricReading(userUUID: RecordPlaceholder.uuid, recorded: RecordPlaceholder.instant),
            context: RuleContext()
        ) { reader, record in
            if let value = reader.require(reader.uuid("user_uuid"), "user_uuid") { record.userUUID = value }
            if let value = reader.require(reader.instant("recorded"), "recorded") { record.recorded = value }
        }
    }

    /// A PATCH body: only the named fields; `user_uuid`/`recorded` may be given but must match the record.
    public static func decodePatch(_ body: JSONValue) throws(RecordValidationError) -> Patch {
        try decodePathKeyedPatch(body)
    }

    /// This reading as `patch` leaves it, after every rule on the whole record.
    public func merged(with patch: Patch) throws(RecordValidationError) -> BioMetricReading {
        try merging(patch, context: RuleContext())
    }

    /// The response body of this record.
    public var jsonText: String { jsonObjectText }
}
