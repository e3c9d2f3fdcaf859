/// Why a request body or query could not become a record, a patch or a query.
///
/// Carries every broken field at once, so a client fixes them in one round trip.
public struct RecordValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The body is JSON but not an object (400, `/problems/validation`).
        case notAnObject
        /// The body is an object but breaks field or cross-field rules (422, `/problems/validation`).
        case invalidBody
        /// A query parameter is malformed or a delete selector is missing or doubled
        /// (400, `/problems/invalid-parameter`).
        case invalidParameters
    }

    public let code: Code
    public let issues: [FieldIssue]
    /// Further issues (unknown members past what a problem lists) that were only counted.
    public let unlistedCount: Int

    public init(code: Code, issues: [FieldIssue], unlistedCount: Int = 0) {
        self.code = code
        self.issues = issues
        self.unlistedCount = unlistedCount
    }

    /// Every issue, listed or not.
    public var issueCount: Int { issues.count + unlistedCount }

    /// The HTTP status this error answers with.
    public var status: Int {
        switch code {
        case .notAnObject, .invalidParameters: 400
        case .invalidBody: 422
        }
    }

    /// The problem document's `detail`, e.g. "2 fields are invalid".
    public var detail: String {
        switch code {
        case .notAnObject:
            "The body must be a JSON object"
        case .invalidBody:
            issueCount == 1 ? "1 field is invalid" : "\(issueCount) fields are invalid"
        case .invalidParameters:
            issues.count == 1 ? "1 parameter is invalid" : "\(issues.count) parameters are invalid"
        }
    }

    public var description: String {
        "\(code): " + issues.map(\.description).joined(separator: "; ") + (unlistedCount > 0 ? "; \(unlistedCount) more" : "")
    }
}
