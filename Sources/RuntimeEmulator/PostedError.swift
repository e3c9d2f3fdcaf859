public import Essentials

/// An error a function posted (`/invocation/{id}/error` or `/init/error`): the runtime's
/// document as the emulator read it, and the request as sent, for the tests of the wire.
public struct PostedError: Sendable, Equatable {
    /// `errorType` from the body, else the `Lambda-Runtime-Function-Error-Type` header.
    public let report: LambdaErrorReport
    /// `Lambda-Runtime-Function-Error-Type` as sent.
    public let headerErrorType: String?
    /// The body as sent.
    public let body: [UInt8]

    public init(report: LambdaErrorReport, headerErrorType: String?, body: [UInt8]) {
        self.report = report
        self.headerErrorType = headerErrorType
        self.body = body
    }

    /// The post the runtime makes for `report`.
    public init(postedBy report: LambdaErrorReport) {
        self.init(report: report, headerErrorType: report.headerValue, body: report.json)
    }
}
