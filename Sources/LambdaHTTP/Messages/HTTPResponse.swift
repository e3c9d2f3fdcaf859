import FoundationEssentials

/// A response to one request, before it is put in the shape its event kind expects.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    /// `Set-Cookie` values.
    public var cookies: [String]
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), cookies: [String] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.cookies = cookies
        self.body = body
    }

    /// `value` as a JSON body.
    public static func json(_ value: some Encodable, status: Int = 200) throws(LambdaHTTPError) -> HTTPResponse {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            data = try encoder.encode(value)
        } catch {
            throw LambdaHTTPError(code: .encodingFailed, message: String(describing: error))
        }
        return json(bytes: Array(data), status: status)
    }

    /// A body that is already JSON text.
    public static func json(bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": MediaType.json], body: bytes)
    }

    public static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        json(bytes: value.jsonBytes, status: status)
    }

    public static func noContent() -> HTTPResponse {
        HTTPResponse(status: 204)
    }

    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }
}
