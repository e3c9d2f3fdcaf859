import FoundationEssentials
import LambdaRuntime

/// An RFC 9457 problem document; also an error an application can throw.
public struct Problem: Error, Sendable {
    public var type: ProblemType
    public var status: Int
    public var detail: String?
    /// The Lambda request id; the adapter fills it in.
    public var requestID: String?
    /// Every bad parameter or field (400 and 422).
    public var invalidParams: [InvalidParameter]
    /// Extension members, written after the standard ones in this order.
    public var extensions: [(name: String, value: JSONValue)]
    /// Extra response headers (`Allow` on a 405).
    public var headers: HTTPHeaders

    public init(
        _ type: ProblemType, status: Int? = nil, detail: String? = nil, requestID: String? = nil,
        invalidParams: [InvalidParameter] = [], extensions: [(name: String, value: JSONValue)] = [],
        headers: HTTPHeaders = HTTPHeaders()
    ) {
        self.type = type
        self.status = status ?? type.defaultStatus
        self.detail = detail
        self.requestID = requestID
        self.invalidParams = invalidParams
        self.extensions = extensions
        self.headers = headers
    }

    public var title: String { type.title }

    /// Adds the members of an `Encodable` value that encodes as a JSON object, by name order.
    public mutating func addExtensions(from payload: some Encodable) throws(LambdaHTTPError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(JSONEncoder().encode(payload))
        } catch {
            throw LambdaHTTPError(code: .encodingFailed, message: String(describing: error))
        }
        guard let members = value.objectValue else {
            throw LambdaHTTPError(code: .encodingFailed, message: "problem extensions must encode as a JSON object")
        }
        for name in members.keys.sorted() { extensions.append((name: name, value: members[name]!)) }
    }

    /// The document as JSON text. Extension members never replace standard ones.
    public var jsonBytes: [UInt8] {
        var out = "{\"type\":" + JSONText.quoted(type.uri)
        out += ",\"title\":" + JSONText.quoted(title)
        out += ",\"status\":\(status)"
        if let detail { out += ",\"detail\":" + JSONText.quoted(detail) }
        if let requestID { out += ",\"request_id\":" + JSONText.quoted(requestID) }
        if !invalidParams.isEmpty {
            out += ",\"invalid_params\":[" + invalidParams.map {
                "{\"name\":" + JSONText.quoted($0.name) + ",\"reason\":" + JSONText.quoted($0.reason) + "}"
            }.joined(separator: ",") + "]"
        }
        let reserved: Set<String> = ["type", "title", "status", "detail", "request_id", "invalid_params"]
        for member in extensions where !reserved.contains(member.name) {
            out += "," + JSONText.quoted(member.name) + ":" + member.value.jsonText
        }
        return Array((out + "}").utf8)
    }

    /// The problem as a response with `Content-Type: application/problem+json`.
    public var response: HTTPResponse {
        var headers = self.headers
        headers.set(name: "Content-Type", value: MediaType.problemJSON)
        return HTTPResponse(status: status, headers: headers, body: jsonBytes)
    }
}
