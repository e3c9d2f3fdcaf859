public import Essentials

/// The four calls a custom runtime makes to the Lambda Runtime API (2018-06-01).
///
/// The seam lets the loop run over an in-memory transport in unit tests; the process
/// uses `CurlRuntimeAPITransport`. Calls are made from one thread, one at a time.
public protocol RuntimeAPITransport: AnyObject {
    /// Long-polls for the next invocation; waits as long as it takes.
    func next() throws(RuntimeAPIError) -> RuntimeInvocation
    /// `POST /runtime/invocation/{id}/response`.
    func respond(requestID: String, payload: [UInt8]) throws(RuntimeAPIError)
    /// `POST /runtime/invocation/{id}/error`.
    func reportError(requestID: String, _ report: LambdaErrorReport) throws(RuntimeAPIError)
    /// `POST /runtime/init/error`.
    func reportInitError(_ report: LambdaErrorReport) throws(RuntimeAPIError)
}
