import APIGatewayTesting
import NIOHTTP1

/// How large a request line and header section `replay serve` reads, as a front door does:
/// a longer URI answers 414, larger headers 431, and the connection is closed.
enum GatewayRequestLimits {
    /// API Gateway's own limit for a request line is about 10 KB; 8 KiB is the common one.
    static let maximumURIBytes = 8 * 1024
    /// Header names and values together (API Gateway: 10 KB).
    static let maximumHeaderBytes = 16 * 1024
    /// Where NIO's parser itself stops reading a head (request line and headers): past this
    /// nothing is parsed, and the answer is 431.
    static let parserLimits: NIOHTTPDecoderLimitConfiguration = {
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 256 * 1024
        limits.maxHeaderListSize = 256 * 1024
        limits.maxHeaderFieldCount = 1000
        return limits
    }()

    /// The refusal for a parsed head over the limits; nil when it is within them.
    static func refusal(_ head: HTTPRequestHead) -> GatewayResponse? {
        if head.uri.utf8.count > maximumURIBytes { return .uriTooLong }
        var total = 0
        for header in head.headers { total += header.name.utf8.count + header.value.utf8.count }
        return total > maximumHeaderBytes ? .headersTooLarge : nil
    }
}

extension GatewayResponse {
    static let uriTooLong = gateway(414, "Request-URI Too Long", reason: "uri over \(GatewayRequestLimits.maximumURIBytes) bytes")
    static let headersTooLarge = gateway(431, "Request Header Fields Too Large", reason: "headers over \(GatewayRequestLimits.maximumHeaderBytes) bytes")
    static let badRequest = gateway(400, "Bad Request", reason: "unparsable request")
}
