public import LambdaHTTP

extension Problem {
    /// A 400 or 422 listing every broken field or parameter.
    public init(_ error: RecordValidationError) {
        let type: ProblemType = switch error.code {
        case .notAnObject: .malformedBody
        case .invalidBody: .validation
        case .invalidParameters: .invalidParameter
        }
        self.init(type, status: error.status, detail: error.detail,
                  invalidParams: error.issues.map { InvalidParameter(name: $0.name, reason: $0.reason) })
        unlistedInvalidParams = error.unlistedCount
    }
}
