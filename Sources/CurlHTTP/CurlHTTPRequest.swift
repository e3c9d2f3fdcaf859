/// One HTTP request for `CurlHTTPClient`.
public struct CurlHTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Whole-transfer limit; `nil` waits forever (the Runtime API's `next` long poll).
    public var timeoutMilliseconds: Int?

    public init(
        method: String, url: String, headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], timeoutMilliseconds: Int? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}
