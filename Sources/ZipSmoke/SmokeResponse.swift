import FoundationEssentials
import LambdaHTTP

/// A function's answer to a payload 2.0 event: `{statusCode, headers, body, isBase64Encoded}`.
struct SmokeResponse {
    let statusCode: Int
    /// Names lower-cased.
    let headers: [String: String]
    let body: [UInt8]

    init(_ payload: [UInt8]) throws(SmokeFailure) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(payload)
        } catch {
            throw SmokeFailure("the response is not JSON: \(error)")
        }
        guard let object = value.objectValue, let status = object["statusCode"]?.integerValue else {
            throw SmokeFailure("the response has no statusCode: \(String(decoding: payload.prefix(300), as: UTF8.self))")
        }
        statusCode = status
        var headers: [String: String] = [:]
        for (name, value) in object["headers"]?.objectValue ?? [:] {
            headers[name.lowercased()] = value.stringValue
        }
        self.headers = headers
        let text = object["body"]?.stringValue ?? ""
        if object["isBase64Encoded"]?.boolValue == true {
            guard let data = Data(base64Encoded: text) else { throw SmokeFailure("the body is not valid base64") }
            body = Array(data)
        } else {
            body = Array(text.utf8)
        }
    }
}

/// Why a function failed the smoke test, in one line.
struct SmokeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
