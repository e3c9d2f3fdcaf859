import Foundation
import HealthTracker
import LambdaHTTP
import Testing
import UTCTime

/// Shared helpers for the Records tests: bodies from JSON text and the issues a decode raises.
enum RecordsSupport {
    static let owner = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
    static let ownerUUID = UUID(uuidString: owner)!
    static let otherOwner = "9b2d3f7a-1c44-4e0b-8f1e-2a7c5d6e8f90"

    static func body(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    /// `{"a": 1}` plus `extra` members (JSON text without braces).
    static func body(base: String, _ extra: String) throws -> JSONValue {
        let members = [base, extra].filter { !$0.isEmpty }.joined(separator: ",")
        return try body("{" + members + "}")
    }

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text)!
    }

    static func date(_ text: String) -> CalendarDate {
        CalendarDate(text)!
    }

    static func instant(_ text: String) -> Instant {
        Instant(rfc3339: text)!
    }

    /// The error a throwing decode raised, or nil when it succeeded.
    static func error<T>(_ work: () throws(RecordValidationError) -> T) -> RecordValidationError? {
        do {
            _ = try work()
            return nil
        } catch {
            return error
        }
    }

    /// The names of the issues a decode raised (empty when it succeeded).
    static func names<T>(_ work: () throws(RecordValidationError) -> T) -> [String] {
        error(work)?.issues.map(\.name) ?? []
    }
}

/// One value of one field, just inside or just outside its range.
struct BoundCase: CustomTestStringConvertible, Sendable {
    let field: String
    /// JSON text of the value.
    let value: String
    let valid: Bool
    /// Extra members the case needs to isolate the rule (e.g. the other half of a BP pair).
    let companion: String

    var testDescription: String { "\(field)=\(value) \(valid ? "ok" : "rejected")" }

    /// Both bounds, and a step beyond each, for a number field; integers also get a fraction.
    static func range(_ field: String, _ lower: String, _ upper: String, integer: Bool = false, step: String = "0.01", companion: String = "") -> [BoundCase] {
        let lo = Decimal(string: lower)!, hi = Decimal(string: upper)!
        let delta = integer ? Decimal(1) : Decimal(string: step)!
        var cases = [
            BoundCase(field: field, value: lower, valid: true, companion: companion),
            BoundCase(field: field, value: upper, valid: true, companion: companion),
            BoundCase(field: field, value: (lo - delta).description, valid: false, companion: companion),
            BoundCase(field: field, value: (hi + delta).description, valid: false, companion: companion),
            BoundCase(field: field, value: "\"\(lower)\"", valid: false, companion: companion),
            BoundCase(field: field, value: "true", valid: false, companion: companion),
        ]
        if integer {
            cases.append(BoundCase(field: field, value: (lo + Decimal(string: "0.5")!).description, valid: false, companion: companion))
        }
        return cases
    }
}
