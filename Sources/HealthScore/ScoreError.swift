/// Why the score engine could not evaluate its inputs.
///
/// Inputs are records that passed write-time validation (spec §1), so every case here
/// means a broken precondition upstream (a 500, not a client error); the engine reports
/// it instead of trapping.
public struct ScoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A `Decimal` field is NaN.
        case invalidNumber = "invalid_number"
        /// Two different records share a key (`test_date`, `recorded` or `date`).
        case duplicateRecord = "duplicate_record"
        /// A record breaks a write-time rule the arithmetic relies on (height 0, TIB ≤ 0).
        case invalidRecord = "invalid_record"
        /// A rounded value does not fit the output type.
        case valueOutOfRange = "value_out_of_range"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
