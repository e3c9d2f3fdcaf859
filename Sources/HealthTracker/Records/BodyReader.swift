import FoundationEssentials
import LambdaHTTP
import UTCTime

/// Reads the members of a request body one by one, recording every broken one.
///
/// Each member is read at most once; whatever is left unread at the end is an unknown field.
struct BodyReader {
    private let members: JSONObject
    private var read: Set<String> = []
    private(set) var issues: [FieldIssue] = []
    /// Unknown members past the ones `invalid_params` can list: counted, never collected.
    private(set) var unlistedCount = 0
    /// Names whose value is present but broken: cross-field rules that involve them are skipped.
    private(set) var invalidNames: Set<String> = []

    init(_ body: JSONValue) throws(RecordValidationError) {
        guard case .object(let members) = body else {
            throw RecordValidationError(
                code: .notAnObject, issues: [FieldIssue(name: "body", reason: "must be a JSON object")])
        }
        self.members = members
    }

    mutating func fail(_ name: String, _ reason: String) {
        issues.append(FieldIssue(name: name, reason: reason))
        invalidNames.insert(name)
    }

    mutating func add(_ more: [FieldIssue]) {
        for issue in more { fail(issue.name, issue.reason) }
    }

    private mutating func member(_ name: String) -> JSONValue? {
        read.insert(name)
        return members[name]
    }

    /// Reads a member and converts it; `convert` returning nil records `reason`.
    private mutating func input<Value>(_ name: String, reason: String, _ convert: (JSONValue) -> Value?) -> FieldInput<Value> {
        guard let raw = member(name) else { return .absent }
        if raw.isNull { return .null }
        guard let value = convert(raw) else {
            fail(name, reason)
            return .invalid
        }
        return .value(value)
    }

    mutating func decimal(_ name: String, _ range: DecimalRange) -> FieldInput<Decimal> {
        if inexact(name) { return .invalid }
        return input(name, reason: range.reason) { raw in
            guard let value = raw.numberValue, value.isFinite, range.contains(value) else { return nil }
            return value
        }
    }

    mutating func integer(_ name: String, _ range: ClosedRange<Int>) -> FieldInput<Int> {
        if inexact(name) { return .invalid }
        return input(name, reason: FieldReason.integer(range)) { raw in
            guard let value = raw.integerValue, range.contains(value) else { return nil }
            return value
        }
    }

    /// A number with more digits than can be kept exactly is reported as such, never rounded.
    private mutating func inexact(_ name: String) -> Bool {
        guard case .number(let number)? = members[name], !number.isExact else { return false }
        read.insert(name)
        fail(name, FieldReason.inexact)
        return true
    }

    mutating func date(_ name: String) -> FieldInput<CalendarDate> {
        input(name, reason: FieldReason.date) { raw in raw.stringValue.flatMap { CalendarDate($0) } }
    }

    mutating func instant(_ name: String) -> FieldInput<Instant> {
        input(name, reason: FieldReason.instant) { raw in raw.stringValue.flatMap(Instant.parseStorable) }
    }

    mutating func uuid(_ name: String) -> FieldInput<UUID> {
        input(name, reason: FieldReason.uuid) { raw in raw.stringValue.flatMap(UUID.parseCanonical) }
    }

    mutating func text(_ name: String, _ rule: TextRule) -> FieldInput<String> {
        input(name, reason: rule.reason) { raw in
            guard let text = raw.stringValue.map(rule.normalize), rule.accepts(text) else { return nil }
            return text
        }
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _ type: Choice.Type) -> FieldInput<Choice>
    where Choice.RawValue == String {
        input(name, reason: FieldReason.oneOf(Choice.allCases.map(\.rawValue))) { raw in
            raw.stringValue.flatMap(Choice.init(rawValue:))
        }
    }

    /// A required value: absent or `null` is an issue.
    mutating func require<Value>(_ input: FieldInput<Value>, _ name: String) -> Value? {
        switch input {
        case .value(let value): return value
        case .absent, .null: fail(name, FieldReason.required)
        case .invalid: break
        }
        return nil
    }

    /// A key or owner field in a PATCH body: kept for comparison with the record's own value.
    mutating func patchKey(_ input: FieldInput<ColumnValue>, _ name: String, into keys: inout [FieldChange]) {
        switch input {
        case .value(let value): keys.append(FieldChange(column: name, value: value))
        case .null: fail(name, FieldReason.unchangeable)
        case .absent, .invalid: break
        }
    }

    /// Server-made fields: present at all (even `null`) is an issue.
    mutating func rejectReadOnly(_ names: [String]) {
        for name in names where member(name) != nil {
            fail(name, FieldReason.readOnly)
        }
    }

    /// Every member not read so far, by name, so a typo never drops data silently.
    ///
    /// Only as many as a problem lists (`Problem.maximumListedParams` in all) are kept, the
    /// first by name order, chosen in one pass with a bounded sorted list; the rest are
    /// counted. So a body of many unknown members costs about what skipping them costs.
    mutating func rejectUnknown() {
        let room = max(0, Problem.maximumListedParams - issues.count)
        var listed: [String] = []
        listed.reserveCapacity(room)
        var unknown = 0
        for member in members where !read.contains(member.name) {
            unknown += 1
            guard room > 0 else { continue }
            let name = member.name
            if listed.count == room {
                guard name < listed[room - 1] else { continue }
                listed.removeLast()
            }
            // Binary search for the first listed name after this one.
            var low = 0, high = listed.count
            while low < high {
                let middle = (low + high) / 2
                if listed[middle] < name { low = middle + 1 } else { high = middle }
            }
            listed.insert(name, at: low)
        }
        for name in listed { fail(name, FieldReason.unknown) }
        unlistedCount += unknown - listed.count
    }

    func finish() throws(RecordValidationError) {
        if !issues.isEmpty {
            throw RecordValidationError(code: .invalidBody, issues: issues, unlistedCount: unlistedCount)
        }
    }
}
