import LambdaHTTP
import ReplayKit
import RuntimeEmulator
import Testing

@Suite struct OutcomeRecordTests {
    let known = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"
    let generated = "0b6f4f7e-2c59-4a8e-9f53-d3b1a2c4e5f6"

    func payload(_ body: String, headers: String) -> [UInt8] {
        Array("{\"statusCode\":201,\"headers\":{\(headers)},\"cookies\":[],\"body\":\(ReplayJSON.string(body).compactText),\"isBase64Encoded\":false}".utf8)
    }

    @Test func masksVolatileValuesAndKeepsTheRest() throws {
        let body = "{\"user_uuid\":\"\(known)\",\"id\":\"\(generated)\",\"created_at\":\"2026-01-01T00:00:00Z\",\"request_id\":\"r-1\",\"weight_kg\":62.5}"
        let headers = "\"Location\":\"/api/x/\(generated)\",\"X-Request-Id\":\"abc\",\"Content-Type\":\"application/json\""
        let record = OutcomeRecord.make(.response(payload(body, headers: headers)), eventText: "{\"rawPath\":\"/api/users/\(known.uppercased())\"}")
        let json = try #require(record["json"])
        #expect(json["user_uuid"] == .string(known))
        #expect(json["id"] == .string("<uuid>"))
        #expect(json["created_at"] == .string("<volatile>"))
        #expect(json["request_id"] == .string("<volatile>"))
        #expect(json["weight_kg"] == .number(JSONNumber("62.5")!))
        #expect(record["headers"]?["Location"] == .string("/api/x/<uuid>"))
        #expect(record["headers"]?["X-Request-Id"] == .string("<volatile>"))
        #expect(record["statusCode"]?.integerValue == 201)
        #expect(record["body"] == nil)
    }

    @Test func normalisingTwiceChangesNothing() {
        let record = OutcomeRecord.make(.response(payload("{\"id\":\"\(generated)\"}", headers: "\"X-Request-Id\":\"a\"")), eventText: "{}")
        #expect(OutcomeRecord.normalised(record, eventText: "{}") == record)
    }

    @Test func differentResponsesStayDifferent() {
        let a = OutcomeRecord.make(.response(payload("{\"n\":1}", headers: "")), eventText: "{}")
        let b = OutcomeRecord.make(.response(payload("{\"n\":2}", headers: "")), eventText: "{}")
        #expect(a != b)
    }

    @Test func failuresAreOutcomes() {
        #expect(OutcomeRecord.make(.timedOut, eventText: "{}")["outcome"] == .string("timedOut"))
        #expect(OutcomeRecord.make(.processExited(.signaled(6)), eventText: "{}")["outcome"] == .string("processExited"))
    }

    @Test func diffShowsTheChangedLines() {
        let diff = LineDiff.diff(expected: "{\n  \"a\": 1,\n  \"b\": 2\n}", actual: "{\n  \"a\": 1,\n  \"b\": 3\n}")
        #expect(diff.contains("-   \"b\": 2"))
        #expect(diff.contains("+   \"b\": 3"))
    }
}
