public import CurlHTTP
public import Essentials

/// The Runtime API over one `CurlHTTPClient`: one easy handle, so one kept-alive TCP
/// connection carries every call for the life of the process.
public final class CurlRuntimeAPITransport: RuntimeAPITransport {
    private let client: CurlHTTPClient
    private let baseURL: String
    /// Limit on the short calls (responses and error reports), which the Runtime API
    /// answers at once; `next` has none because it is a long poll.
    private let postTimeoutMilliseconds: Int

    public init(endpoint: RuntimeAPIEndpoint, client: CurlHTTPClient, postTimeoutMilliseconds: Int = 30_000) {
        self.client = client
        self.baseURL = endpoint.runtimeBaseURL
        self.postTimeoutMilliseconds = postTimeoutMilliseconds
    }

    /// The client's easy handle, for the SIGTERM handler's hooks on its sockets.
    var curlHandle: UnsafeMutableRawPointer { client.curlHandle }

    public func next() throws(RuntimeAPIError) -> RuntimeInvocation {
        let response = try perform(CurlHTTPRequest(method: "GET", url: baseURL + "/invocation/next"))
        guard response.status == 200 else {
            throw RuntimeAPIError(code: .rejected, status: response.status, message: "next was refused")
        }
        guard let requestID = response.header("Lambda-Runtime-Aws-Request-Id"), !requestID.isEmpty else {
            throw RuntimeAPIError(code: .invalidInvocation, message: "next answered without Lambda-Runtime-Aws-Request-Id")
        }
        guard let deadline = response.header("Lambda-Runtime-Deadline-Ms").flatMap({ Int64($0) }) else {
            throw RuntimeAPIError(code: .invalidInvocation, message: "next answered without a numeric Lambda-Runtime-Deadline-Ms")
        }
        return RuntimeInvocation(
            requestID: requestID,
            deadlineMilliseconds: deadline,
            invokedFunctionARN: response.header("Lambda-Runtime-Invoked-Function-Arn") ?? "",
            traceID: response.header("Lambda-Runtime-Trace-Id"),
            clientContext: response.header("Lambda-Runtime-Client-Context"),
            cognitoIdentity: response.header("Lambda-Runtime-Cognito-Identity"),
            event: response.body
        )
    }

    public func respond(requestID: String, payload: [UInt8]) throws(RuntimeAPIError) {
        try post("/invocation/\(requestID)/response", headers: [], body: payload)
    }

    public func reportError(requestID: String, _ report: LambdaErrorReport) throws(RuntimeAPIError) {
        try post(
            "/invocation/\(requestID)/error",
            headers: [("Lambda-Runtime-Function-Error-Type", report.headerValue), ("Content-Type", "application/json")],
            body: report.json
        )
    }

    public func reportInitError(_ report: LambdaErrorReport) throws(RuntimeAPIError) {
        try post(
            "/init/error",
            headers: [("Lambda-Runtime-Function-Error-Type", report.headerValue), ("Content-Type", "application/json")],
            body: report.json
        )
    }

    private func post(_ path: String, headers: [(name: String, value: String)], body: [UInt8]) throws(RuntimeAPIError) {
        let response = try perform(CurlHTTPRequest(
            method: "POST", url: baseURL + path, headers: headers, body: body,
            timeoutMilliseconds: postTimeoutMilliseconds
        ))
        guard (200..<300).contains(response.status) else {
            throw RuntimeAPIError(code: .rejected, status: response.status, message: "POST \(path) was refused")
        }
    }

    private func perform(_ request: CurlHTTPRequest) throws(RuntimeAPIError) -> CurlHTTPResponse {
        let response: CurlHTTPResponse
        do {
            response = try client.perform(request)
        } catch {
            let code: RuntimeAPIError.Code = error.isTransient ? .unreachable : .invalidEndpoint
            throw RuntimeAPIError(code: code, message: error.description)
        }
        return response
    }
}
