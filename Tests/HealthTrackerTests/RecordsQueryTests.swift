import Foundation
@testable import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct RecordsQueryTests {
    typealias S = RecordsSupport

    func listIssues(_ parameters: [String: String], _ resource: RecordResource = .bloodTests) -> [FieldIssue] {
        S.error { () throws(RecordValidationError) in try ListQuery.parse(parameters, resource: resource) }?.issues ?? []
    }

    @Test func listDefaults() throws {
        let query = try ListQuery.parse(["other": "x"], resource: .bloodTests)
        #expect(query == ListQuery(limit: 50))
        #expect(try ListQuery.parse(["cursor": ""], resource: .bioMetrics).cursor == nil)
    }

    @Test(arguments: [("1", true), ("500", true), ("050", true), ("0", false), ("501", false), ("-1", false),
                      ("+5", false), ("5.0", false), ("", false), ("ten", false), ("5,6", false), ("99999999999999999999", false)])
    func limitBounds(_ text: String, _ valid: Bool) {
        let issues = listIssues(["limit": text])
        #expect(issues == (valid ? [] : [FieldIssue(name: "limit", reason: "must be an integer between 1 and 500")]))
    }

    @Test func fromAndToByResource() throws {
        let dates = try ListQuery.parse(["from": "2025-01-01", "to": "2025-01-31"], resource: .sleepActivity)
        #expect(dates.from == .date(S.date("2025-01-01")) && dates.to == .date(S.date("2025-01-31")))
        let instants = try ListQuery.parse(["from": "2025-01-01T00:00:00+01:00"], resource: .bioMetrics)
        #expect(instants.from == .instant(S.instant("2024-12-31T23:00:00Z")) && instants.to == nil)
        #expect(listIssues(["from": "2025-01-01"], .bioMetrics).map(\.name) == ["from"])
        // A `+` sent unencoded arrives as a space.
        #expect(listIssues(["to": "2025-01-01T00:00:00 01:00"], .bioMetrics).first?.reason.contains("%2B") == true)
        #expect(listIssues(["from": "2025-01-01T00:00:00Z"], .physicalActivity).map(\.name) == ["from"])
        #expect(listIssues(["from": "2025-02-01", "to": "2025-01-31"]) == [FieldIssue(name: "from", reason: "must not be after to")])
        #expect(listIssues(["from": "2025-01-31", "to": "2025-01-31"]) == [])
        #expect(listIssues(["limit": "0", "from": "x", "cursor": "!!"]).map(\.name) == ["limit", "cursor", "from"])
        let error = S.error { () throws(RecordValidationError) in try ListQuery.parse(["limit": "0", "to": "x"], resource: .bloodTests) }
        #expect(error?.code == .invalidParameters && error?.status == 400 && error?.detail == "2 parameters are invalid")
    }

    static let cursors: [ListCursor] = [
        ListCursor(resource: .bloodTests, key: .date(CalendarDate("2025-03-01")!)),
        ListCursor(resource: .physicalActivity, key: .date(CalendarDate("0001-01-01")!)),
        ListCursor(resource: .sleepActivity, key: .date(CalendarDate("9999-12-31")!)),
        ListCursor(resource: .bioMetrics, key: .instant(Instant(rfc3339: "2025-03-01T07:30:00.123456+05:30")!)),
        ListCursor(resource: .users, key: .instant(Instant(rfc3339: "2025-03-01T07:30:00Z")!), tiebreaker: RecordsSupport.ownerUUID),
    ]

    @Test(arguments: cursors)
    func cursorRoundTrips(_ cursor: ListCursor) throws {
        let token = cursor.token
        #expect(token.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
        #expect(ListCursor(token: token, resource: cursor.resource) == cursor)
        #expect(try ListQuery.parse(["cursor": token], resource: cursor.resource).cursor == cursor)
        for other in RecordResource.allCases where other != cursor.resource {
            #expect(ListCursor(token: token, resource: other) == nil)
        }
    }

    @Test(arguments: cursors)
    func tamperedCursorsAreRefused(_ cursor: ListCursor) {
        let token = cursor.token
        var tampered = [token + "=", token + "A", String(token.dropLast()), "", "a", token.uppercased(),
                        token.replacingOccurrences(of: "-", with: "+"), String(repeating: "A", count: 300)]
        // Flip each character in turn to another base64url character.
        for index in token.indices {
            let replacement: Character = token[index] == "B" ? "C" : "B"
            tampered.append(String(token[..<index]) + String(replacement) + String(token[token.index(after: index)...]))
        }
        for text in Set(tampered) where text != token {
            #expect(ListCursor(token: text, resource: cursor.resource) == nil, "\(text)")
        }
    }

    @Test func handMadeCursorsMustBeCanonical() {
        func token(_ payload: String, checking checked: String? = nil) -> String {
            // The checksum is FNV-1a 32 of the payload; written out here independently.
            var hash: UInt32 = 2_166_136_261
            for byte in (checked ?? payload).utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            let text = payload + "|" + String(format: "%08x", hash)
            return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        #expect(ListCursor(token: token("1|blood_tests|2025-03-01|"), resource: .bloodTests) != nil)
        #expect(ListCursor(token: token("2|blood_tests|2025-03-01|"), resource: .bloodTests) == nil)
        #expect(ListCursor(token: token("1|blood_tests|2025-02-30|"), resource: .bloodTests) == nil)
        #expect(ListCursor(token: token("1|blood_tests|2025-03-01|\(S.owner)"), resource: .bloodTests) == nil)
        #expect(ListCursor(token: token("1|blood_tests|2025-03-01"), resource: .bloodTests) == nil)
        #expect(ListCursor(token: token("1|bio_metrics|2025-03-01T07:30:00+00:00|"), resource: .bioMetrics) == nil)
        #expect(ListCursor(token: token("1|users|2025-03-01T07:30:00Z|"), resource: .users) == nil)
        #expect(ListCursor(token: token("1|users|2025-03-01T07:30:00Z|\(S.owner.uppercased())"), resource: .users) == nil)
        #expect(ListCursor(token: token("1|users|2025-03-01T07:30:00Z|\(S.owner)"), resource: .users) != nil)
        #expect(ListCursor(token: token("1|blood_tests|2025-03-02|", checking: "1|blood_tests|2025-03-01|"), resource: .bloodTests) == nil)
    }

    @Test func recordsMakeTheirCursors() {
        let reading = BioMetricReading(userUUID: S.ownerUUID, recorded: S.instant("2025-03-01T07:30:00Z"), weightKg: 70)
        #expect(reading.recordKey == .instant(S.instant("2025-03-01T07:30:00Z")))
        var user = User(userUUID: S.ownerUUID, email: "a@b", fullName: "A")
        #expect(user.listCursor == nil)
        user.createdAt = S.instant("2025-03-01T07:30:00Z")
        #expect(user.listCursor?.tiebreaker == S.ownerUUID)
    }

    func selector(_ parameters: [String: String], _ resource: RecordResource = .bloodTests) -> Result<DeleteSelector, RecordValidationError> {
        Result { () throws(RecordValidationError) in try DeleteSelector.parse(parameters, resource: resource) }
    }

    func selectorIssues(_ parameters: [String: String], _ resource: RecordResource = .bloodTests) -> [String] {
        guard case .failure(let error) = selector(parameters, resource) else { return [] }
        #expect(error.code == .invalidParameters && error.status == 400)
        return error.issues.map(\.name)
    }

    @Test func deleteSelectorsThatWork() throws {
        #expect(try selector(["test_date": "2025-03-01"]).get() == .key(.date(S.date("2025-03-01"))))
        #expect(try selector(["recorded": "2025-03-01T08:30:00+01:00"], .bioMetrics).get() == .key(.instant(S.instant("2025-03-01T07:30:00Z"))))
        #expect(try selector(["date": "2025-03-01"], .sleepActivity).get() == .key(.date(S.date("2025-03-01"))))
        #expect(try selector(["from": "2025-03-01", "to": "2025-03-01"], .physicalActivity).get()
            == .range(from: .date(S.date("2025-03-01")), to: .date(S.date("2025-03-01"))))
        #expect(try selector(["all": "true", "limit": "5"]).get() == .all)
    }

    @Test(arguments: [
        ([String: String](), ["selector"]),
        (["date": "2025-03-01"], ["selector"]),  // not this resource's key
        (["test_date": "2025-03-01", "all": "true"], ["test_date", "all"]),
        (["test_date": "2025-03-01", "from": "2025-03-01", "to": "2025-03-02"], ["test_date", "from", "to"]),
        (["from": "2025-03-01", "all": "true"], ["from", "all"]),
        (["from": "2025-03-01"], ["to"]),
        (["to": "2025-03-01"], ["from"]),
        (["from": "2025-03-02", "to": "2025-03-01"], ["from"]),
        (["from": "March", "to": "2025-03-01"], ["from"]),
        (["all": "false"], ["all"]),
        (["all": ""], ["all"]),
        (["all": "TRUE"], ["all"]),
        (["test_date": "2025-3-1"], ["test_date"]),
    ])
    func deleteSelectorsThatAreRefused(_ parameters: [String: String], _ expected: [String]) {
        #expect(selectorIssues(parameters) == expected)
    }

    @Test func usersHaveNoDeleteSelector() {
        #expect(selectorIssues(["all": "true"], .users) == ["selector"])
        #expect(selectorIssues(["recorded": "2025-03-01"], .bioMetrics) == ["recorded"])
    }
}
