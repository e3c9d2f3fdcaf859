import LambdaHTTP
import UTCTime

/// The common shape of the five record types, driving the shared decode, merge and encode code.
protocol RecordShape {
    /// Writable non-key fields, in response order.
    static var fields: [RecordField<Self>] { get }
    /// Owner and key column names, in response order (`user_uuid` first).
    static var keyNames: [String] { get }
    /// Owner and key fields, in response order (`user_uuid` first).
    var keyColumns: [(name: String, value: ColumnValue)] { get }
    var createdAt: Instant? { get }
    var updatedAt: Instant? { get }
    /// Cross-field rules (and rules that need the context); rules touching a name in `skipping`
    /// are not checked, since that field already has its own issue.
    func ruleIssues(skipping invalid: Set<String>, context: RuleContext) -> [FieldIssue]
}

extension RecordShape {
    static var readOnlyNames: [String] { ["created_at", "updated_at"] }

    /// Reads every field of the table into `record` (a create body).
    static func readFields(_ reader: inout BodyReader, into record: inout Self) {
        for field in fields {
            switch field.read(from: &reader) {
            case .absent, .null:
                if field.isRequired { reader.fail(field.name, FieldReason.required) }
            case .value(let value):
                field.set(value, in: &record)
            case .invalid:
                break
            }
        }
    }

    /// Reads the fields a PATCH names: absent keeps, `null` clears, a value sets.
    static func readChanges(_ reader: inout BodyReader) -> [FieldChange] {
        var changes: [FieldChange] = []
        for field in fields {
            switch field.read(from: &reader) {
            case .absent, .invalid:
                break
            case .null:
                if field.isRequired {
                    reader.fail(field.name, FieldReason.required)
                } else {
                    changes.append(FieldChange(column: field.name, value: .null))
                }
            case .value(let value):
                changes.append(FieldChange(column: field.name, value: value))
            }
        }
        return changes
    }

    /// Finishes a PATCH body: read-only and unknown fields, and a patch must change something.
    static func finishPatch(_ reader: inout BodyReader, changes: [FieldChange], keys: [FieldChange]) throws(RecordValidationError) -> RecordPatch<Self> {
        reader.rejectReadOnly(readOnlyNames)
        reader.rejectUnknown()
        if reader.issues.isEmpty && changes.isEmpty {
            reader.fail("body", "must name at least one field to change: " + fields.map(\.name).joined(separator: ", "))
        }
        try reader.finish()
        return RecordPatch(changes: changes, keys: keys)
    }

    /// The record as `patch` would leave it, checked against every rule as a whole.
    func merging(_ patch: RecordPatch<Self>, context: RuleContext) throws(RecordValidationError) -> Self {
        var issues: [FieldIssue] = []
        let current = Dictionary(keyColumns.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for key in patch.keys where current[key.column] != key.value {
            issues.append(FieldIssue(name: key.column, reason: FieldReason.unchangeable))
        }
        var candidate = self
        for change in patch.changes {
            Self.fields.first { $0.name == change.column }?.set(change.value, in: &candidate)
        }
        var patchContext = context
        patchContext.isPatch = true
        issues += candidate.ruleIssues(skipping: [], context: patchContext)
        if !issues.isEmpty {
            throw RecordValidationError(code: .invalidBody, issues: issues)
        }
        return candidate
    }

    /// Response members in a fixed order: owner and key, fields, `created_at`, `updated_at`.
    /// Absent optional fields are written as `null`, so every response has the same members.
    var jsonValue: JSONValue {
        .object(JSONObject(
            keyColumns.map { ($0.name, $0.value.jsonValue) }
                + Self.fields.map { ($0.name, $0.value(in: self).jsonValue) }
                + [("created_at", createdAt.map { .string($0.rfc3339) } ?? .null),
                   ("updated_at", updatedAt.map { .string($0.rfc3339) } ?? .null)]
        ))
    }

    var jsonObjectText: String { jsonValue.jsonText }

    /// Every stored column but the timestamps, in response order.
    static var writableColumnNames: [String] { keyNames + fields.map(\.name) }

    /// Every stored column but the timestamps with its value, for an INSERT.
    var writableColumns: [FieldChange] {
        keyColumns.map { FieldChange(column: $0.name, value: $0.value) }
            + Self.fields.map { FieldChange(column: $0.name, value: $0.value(in: self)) }
    }
}

extension RecordShape {
    /// The shared create path: keys (by `readKeys`), fields, read-only and unknown members, then
    /// the cross-field rules on what was valid. Every issue is collected before throwing.
    static func decodeCreate(
        _ body: JSONValue, blank: Self, context: RuleContext, readOnly extra: [String] = [],
        readKeys: (inout BodyReader, inout Self) -> Void
    ) throws(RecordValidationError) -> Self {
        var reader = try BodyReader(body)
        var record = blank
        readKeys(&reader, &record)
        readFields(&reader, into: &record)
        reader.rejectReadOnly(extra + readOnlyNames)
        reader.rejectUnknown()
        reader.add(record.ruleIssues(skipping: reader.invalidNames, context: context))
        try reader.finish()
        return record
    }
}
