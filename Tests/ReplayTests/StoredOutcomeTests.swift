import APIGatewayTesting
import LambdaHTTP
import ReplayKit
import RuntimeEmulator
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct StoredOutcomeTests {
    let known = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"
    let generated = "0b6f4f7e-2c59-4a8e-9f53-d3b1a2c4e5f6"
    let none = ClockDays(days: [])

    func payload(_ body: String, headers: String) -> [UInt8] {
        Array("{\"statusCode\":201,\"headers\":{\(headers)},\"cookies\":[],\"body\":\(JSONValue.string(body).jsonText),\"isBase64Encoded\":false}".utf8)
    }

    @Test func masksVolatileValuesAndKeepsTheRest() throws {
        let body = "{\"user_uuid\":\"\(known)\",\"id\":\"\(generated)\",\"created_at\":\"2026-01-01T00:00:00Z\",\"request_id\":\"r-1\",\"weight_kg\":62.5}"
        let headers = "\"Location\":\"/api/x/\(generated)\",\"X-Request-Id\":\"abc\",\"Content-Type\":\"application/json\""
        let record = StoredOutcome.make(.response(payload(body, headers: headers)), eventText: "{\"rawPath\":\"/api/users/\(known.uppercased())\"}", clockDays: none)
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
        let record = StoredOutcome.make(.response(payload("{\"id\":\"\(generated)\"}", headers: "\"X-Request-Id\":\"a\"")), eventText: "{}", clockDays: none)
        #expect(StoredOutcome.normalised(record, eventText: "{}", clockDays: none) == record)
    }

    @Test func differentResponsesStayDifferent() {
        let a = StoredOutcome.make(.response(payload("{\"n\":1}", headers: "")), eventText: "{}", clockDays: none)
        let b = StoredOutcome.make(.response(payload("{\"n\":2}", headers: "")), eventText: "{}", clockDays: none)
        #expect(a != b)
    }

    @Test func failuresAreOutcomes() {
        #expect(StoredOutcome.make(.timedOut, eventText: "{}", clockDays: none)["outcome"] == .string("timedOut"))
        #expect(StoredOutcome.make(.processExited(.signaled(6)), eventText: "{}", clockDays: none)["outcome"] == .string("processExited"))
    }

    /// The day the function called today is stored as `<today>`, unless the event holds it.
    @Test func masksTheFunctionsToday() throws {
        let days = ClockDays(days: ["2027-12-31", "2028-01-01"])
        let body = "{\"reason\":\"from 1900-01-01 to today (2028-01-01)\",\"date\":\"2027-12-31\",\"other\":\"2027-12-30\"}"
        let event = "{\"body\":\"2027-12-31\"}"
        let record = StoredOutcome.make(.response(payload(body, headers: "")), eventText: event, clockDays: days)
        let json = try #require(record["json"])
        #expect(json["reason"] == .string("from 1900-01-01 to today (<today>)"))
        #expect(json["date"] == .string("2027-12-31"))
        #expect(json["other"] == .string("2027-12-30"))
        #expect(StoredOutcome.normalised(record, eventText: event, clockDays: days) == record)
    }

    /// The days reach back by the allowed lag (a function's clock behind replay's) and cross
    /// midnight and leap days.
    @Test func clockDaysSpanTheInvocation() throws {
        let start = try #require(Instant(rfc3339: "2028-02-29T00:05:00Z"))
        let end = try #require(Instant(rfc3339: "2028-03-01T00:00:01Z"))
        #expect(ClockDays.during(start: start, end: end).days == ["2028-02-28", "2028-02-29", "2028-03-01"])
        let midday = try #require(Instant(rfc3339: "2028-02-29T12:00:00Z"))
        #expect(ClockDays.during(start: midday, end: midday).days == ["2028-02-29"])
    }

    @Test func diffShowsTheChangedLines() {
        let diff = LineDiff.diff(expected: "{\n  \"a\": 1,\n  \"b\": 2\n}", actual: "{\n  \"a\": 1,\n  \"b\": 3\n}")
        #expect(diff.contains("-   \"b\": 2"))
        #expect(diff.contains("+   \"b\": 3"))
        #expect(diff.hasPrefix("--- expected\n+++ actual\n"))
    }
}
