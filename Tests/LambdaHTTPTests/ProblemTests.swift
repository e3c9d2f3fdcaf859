import Foundation
import LambdaHTTP
import TestTags
import Testing

@Suite("RFC 9457 problem documents", .tags(.pure))
struct ProblemTests {
    private func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("the api.md example: type, title, status, detail, invalid_params, request_id")
    func validationExample() throws {
        let problem = Problem(
            .validation, detail: "2 fields are invalid", requestID: "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            invalidParams: [
                InvalidParameter(name: "steps", reason: "must be an integer between 0 and 100000"),
                InvalidParameter(name: "date", reason: "must be a date as YYYY-MM-DD"),
            ])
        let json = try object(problem.jsonBytes)
        #expect(json["type"] as? String == "/problems/validation")
        #expect(json["title"] as? String == "Request body is invalid")
        #expect(json["status"] as? Int == 422)
        #expect(json["detail"] as? String == "2 fields are invalid")
        #expect(json["request_id"] as? String == "c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        let params = try #require(json["invalid_params"] as? [[String: String]])
        #expect(params == [
            ["name": "steps", "reason": "must be an integer between 0 and 100000"],
            ["name": "date", "reason": "must be a date as YYYY-MM-DD"],
        ])
    }

    /// An application's own kind, declared as HealthTracker declares its own.
    static let applicationType = ProblemType("insufficient-data", title: "Insufficient data", status: 422)

    @Test("each type's URI, title and default status", arguments: ProblemType.httpTypes + [applicationType])
    func types(type: ProblemType) throws {
        let json = try object(Problem(type).jsonBytes)
        #expect(json["type"] as? String == "/problems/\(type.name)")
        #expect(json["title"] as? String == type.title)
        #expect(json["status"] as? Int == type.defaultStatus)
        #expect(json["invalid_params"] == nil && json["detail"] == nil)
    }

    @Test("the statuses api.md names")
    func statuses() {
        let expected: [ProblemType: Int] = [
            .validation: 422, .invalidParameter: 400, .invalidPathParameter: 400, .malformedBody: 400, .notFound: 404,
            .conflict: 409, .methodNotAllowed: 405, .unauthorized: 401, .forbidden: 403, .payloadTooLarge: 413,
            .unsupportedMediaType: 415, .unavailable: 503, .internal: 500,
        ]
        #expect(Set(ProblemType.httpTypes) == Set(expected.keys))
        #expect(ProblemType.httpTypes.count == expected.count)
        for (type, status) in expected { #expect(type.defaultStatus == status, "\(type)") }
    }

    @Test("extension members in order, exact decimals, and never overriding standard members")
    func extensionMembers() throws {
        let problem = Problem(Self.applicationType, detail: "not enough", extensions: [
            ("version", .string("1.0")), ("as_of", .string("2024-05-01")),
            ("missing_components", .array([.string("sleep")])), ("weight", .number(JSONNumber("82.35")!)),
            ("status", .number(200)),
        ])
        let text = String(decoding: problem.jsonBytes, as: UTF8.self)
        #expect(text.contains(#""version":"1.0","as_of":"2024-05-01","missing_components":["sleep"],"weight":82.35"#))
        let json = try object(problem.jsonBytes)
        #expect(json["status"] as? Int == 422)
    }

    @Test("extension members from an Encodable payload")
    func encodableExtensions() throws {
        struct Extra: Encodable {
            let available_components: [String]
            let windows: [String: Int]
        }
        var problem = Problem(Self.applicationType)
        try problem.addExtensions(from: Extra(available_components: ["blood"], windows: ["sleep": 30]))
        let json = try object(problem.jsonBytes)
        #expect(json["available_components"] as? [String] == ["blood"])
        #expect(json["windows"] as? [String: Int] == ["sleep": 30])
        #expect(throws: LambdaHTTPError.self) { try problem.addExtensions(from: [1, 2]) }
    }

    @Test("as a response: application/problem+json, status, extra headers")
    func response() throws {
        let problem = Problem(.methodNotAllowed, headers: ["Allow": "GET, POST"])
        let response = problem.response
        #expect(response.status == 405)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["allow"] == "GET, POST")
        #expect(response.body == problem.jsonBytes)
    }
}

/// `invalid_params` stays bounded whatever a client sent.
@Suite(.tags(.pure)) struct ProblemBoundsTests {
    @Test func atMostAHundredParamsWithTheRestCounted() throws {
        let params = (0..<250).map { InvalidParameter(name: "k\($0)", reason: "is not a known field") }
        let problem = Problem(.validation, detail: "250 fields are invalid", invalidParams: params)
        let value = try JSONValue.parse(problem.jsonBytes)
        let object = try #require(value.objectValue)
        guard case .array(let listed)? = object["invalid_params"] else { Issue.record("no invalid_params"); return }
        #expect(listed.count == 100)
        #expect(object["invalid_params_omitted"]?.integerValue == 150)
        #expect(listed.first?.objectValue?["name"] == .string("k0"))
    }

    @Test func longNamesAreCut() throws {
        let name = String(repeating: "\u{01}", count: 100_000)
        let problem = Problem(.validation, invalidParams: [InvalidParameter(name: name, reason: "is not a known field")])
        #expect(problem.jsonBytes.count < 2_000)
        let object = try #require(try JSONValue.parse(problem.jsonBytes).objectValue)
        #expect(object["invalid_params_omitted"] == nil)
        guard case .array(let listed)? = object["invalid_params"] else { Issue.record("no invalid_params"); return }
        #expect(listed.first?.objectValue?["name"]?.stringValue == String(repeating: "\u{01}", count: 200) + "…")
    }
}
