import FoundationEssentials

/// An RFC 9457 problem document; also an error an application can throw.
public struct Problem: Error, Sendable {
    /// `invalid_params` lists at most this many; `invalid_params_omitted` counts the rest.
    public static let maximumListedParams = 100
    /// A name longer than this (a client's unknown member name) is cut, with `…`.
    public static let maximumNameLength = 200

    public var type: ProblemType
    public var status: Int
    public var detail: String?
    /// The Lambda request id; the adapter fills it in.
    public var requestID: String?
    /// Every bad parameter or field (400 and 422).
    public var invalidParams: [InvalidParameter]
    /// Bad parameters past `invalidParams` that were counted, never collected (they add to
    /// `invalid_params_omitted`).
    public var unlistedInvalidParams = 0
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

    /// Adds the members of an `Encodable` value that encodes as a JSON object, by name order
    /// (at every depth: `JSONEncoder` promises no order).
    public mutating func addExtensions(from payload: some Encodable) throws(LambdaHTTPError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(JSONEncoder().encode(payload))
        } catch {
            throw LambdaHTTPError(code: .encodingFailed, message: String(describing: error))
        }
        guard case .object(let members) = value.sortingMembers() else {
            throw LambdaHTTPError(code: .encodingFailed, message: "problem extensions must encode as a JSON object")
        }
        extensions += members.members
    }

    /// The document as JSON text. Extension members never replace standard ones.
    public var jsonBytes: [UInt8] {
        var members: [(String, JSONValue)] = [
            ("type", .string(type.uri)), ("title", .string(title)), ("status", .number(JSONNumber(status))),
        ]
        if let detail { members.append(("detail", .string(detail))) }
        if let requestID { members.append(("request_id", .string(requestID))) }
        // Bounded whatever the client sent: 100 entries of at most 200 characters each
        // (6 bytes per escaped character) stay far below Lambda's 6 MB response limit.
        if !invalidParams.isEmpty {
            members.append(("invalid_params", .array(invalidParams.prefix(Self.maximumListedParams).map {
                .object(["name": .string(Self.shortened($0.name)), "reason": .string($0.reason)])
            })))
            let omitted = max(0, invalidParams.count - Self.maximumListedParams) + unlistedInvalidParams
            if omitted > 0 {
                members.append(("invalid_params_omitted", .number(JSONNumber(omitted))))
            }
        }
        let reserved: Set<String> = ["type", "title", "status", "detail", "request_id", "invalid_params", "invalid_params_omitted"]
        for member in extensions where !reserved.contains(member.name) {
            members.append((member.name, member.value))
        }
        return Array(JSONValue.object(JSONObject(members)).jsonText.utf8)
    }

    private static func shortened(_ name: String) -> String {
        let scalars = name.unicodeScalars
        guard scalars.count > maximumNameLength else { return name }
        return String(String.UnicodeScalarView(scalars.prefix(maximumNameLength))) + "…"
    }

    /// The problem as a response with `Content-Type: application/problem+json`.
    public var response: HTTPResponse {
        var headers = self.headers
        headers.set(name: "Content-Type", value: MediaType.problemJSON)
        return HTTPResponse(status: status, headers: headers, body: jsonBytes)
    }
}
