/// A complete HTTP response as read by `CurlHTTPClient`.
public struct CurlHTTPResponse: Sendable {
    public let status: Int
    /// Header lines of the final response, in order, names as sent.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively (HTTP names are).
    public func header(_ name: String) -> String? {
        // Lengths first: the runtime looks up six names per invocation, and most differ in length.
        let count = name.utf8.count
        return headers.first {
            $0.name.utf8.count == count && $0.name.utf8.elementsEqual(name.utf8, by: Self.asciiCaseInsensitiveEqual)
        }?.value
    }

    private static func asciiCaseInsensitiveEqual(_ a: UInt8, _ b: UInt8) -> Bool {
        a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
    }
}
