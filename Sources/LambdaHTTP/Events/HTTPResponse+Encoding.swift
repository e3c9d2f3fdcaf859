import FoundationEssentials

extension HTTPResponse {
    /// The response payload for an event of the given shape, as JSON bytes.
    public func encoded(as shape: HTTPResponseShape) -> [UInt8] {
        let (body, isBase64) = encodedBody
        var members: [(String, JSONValue)] = [("statusCode", .number(JSONNumber(status)))]
        switch shape {
        case .payloadV2:
            // One value per name; repeated names are comma-joined as HTTP allows.
            members.append(("headers", Self.singleValueObject(headers.filter { !$0.name.equalsIgnoringASCIICase("set-cookie") })))
            let cookies = self.cookies + headers.values(for: "set-cookie")
            members.append(("cookies", .array(cookies.map(JSONValue.string))))
        case .restAPI:
            let all = Array(headers) + cookies.map { (name: "Set-Cookie", value: $0) }
            members.append(("headers", Self.singleValueObject(all.filter { !$0.name.equalsIgnoringASCIICase("set-cookie") })))
            members.append(("multiValueHeaders", Self.multiValueObject(all)))
        case .alb(let multiValue):
            members.append(("statusDescription", .string(Self.statusDescription(status))))
            let all = Array(headers) + cookies.map { (name: "Set-Cookie", value: $0) }
            members.append(multiValue
                ? ("multiValueHeaders", Self.multiValueObject(all))
                // Single-value mode can carry one Set-Cookie only: the last one wins.
                : ("headers", Self.singleValueObject(all.filter { !$0.name.equalsIgnoringASCIICase("set-cookie") }
                    + (all.last { $0.name.equalsIgnoringASCIICase("set-cookie") }.map { [$0] } ?? []))))
        }
        members.append(("body", .string(body)))
        members.append(("isBase64Encoded", .bool(isBase64)))
        return JSONValue.object(JSONObject(members)).jsonBytes
    }

    /// Text bodies go as they are; anything else, or text that is not UTF-8, as base64.
    private var encodedBody: (String, Bool) {
        guard !body.isEmpty else { return ("", false) }
        if let type = headers["content-type"], MediaType.isText(type),
           let text = String(validating: body, as: UTF8.self) {
            return (text, false)
        }
        return (Data(body).base64EncodedString(), true)
    }

    private static func singleValueObject(_ fields: [(name: String, value: String)]) -> JSONValue {
        .object(JSONObject(grouped(fields).map { name, values in (name, JSONValue.string(values.joined(separator: ","))) }))
    }

    private static func multiValueObject(_ fields: [(name: String, value: String)]) -> JSONValue {
        .object(JSONObject(grouped(fields).map { name, values in (name, JSONValue.array(values.map(JSONValue.string))) }))
    }

    /// The values of each field name, case-insensitively, named as first spelled, in first-seen order.
    private static func grouped(_ fields: [(name: String, value: String)]) -> [(name: String, values: [String])] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for field in fields {
            let key = field.name.lowercased()
            if values[key] == nil { order.append(field.name) }
            values[key, default: []].append(field.value)
        }
        return order.map { ($0, values[$0.lowercased()]!) }
    }

    /// `200 OK`, as ALB wants it.
    static func statusDescription(_ status: Int) -> String {
        let reason: String = switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
        return reason.isEmpty ? "\(status)" : "\(status) \(reason)"
    }
}
