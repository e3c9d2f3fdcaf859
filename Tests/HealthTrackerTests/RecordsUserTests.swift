import Foundation
import HealthTracker
import LambdaHTTP
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct RecordsUserTests {
    typealias S = RecordsSupport
    static let today = CalendarDate("2025-03-01")!
    let base = "\"email\": \"ada@example.org\", \"full_name\": \"Ada Lovelace\""

    func names(_ members: String, base: String? = nil) throws -> [String] {
        let body = try S.body(base: base ?? self.base, members)
        return S.names { () throws(RecordValidationError) in
            try User.decodeCreate(body, userUUID: S.ownerUUID, today: Self.today)
        }
    }

    static func quoted(_ text: String) -> String { "\"\(text)\"" }

    static let textCases: [(String, String, Bool)] = [
        ("email", quoted(String(repeating: "a", count: 240) + "@example.org"), true),  // 252
        ("email", quoted(String(repeating: "a", count: 242) + "@example.org"), true),  // 254
        ("email", quoted(String(repeating: "a", count: 243) + "@example.org"), false),  // 255
        ("email", quoted("a@b"), true),
        ("email", quoted("ab"), false),
        ("email", quoted("@b"), false),
        ("email", quoted("a@"), false),
        ("email", quoted("a@b@c"), false),
        ("email", quoted("a b@c"), false),
        ("email", quoted("a\\u0000@c"), false),
        ("email", quoted("<a@x.com>"), false),  // display-name form
        ("email", quoted("Ada <a@x.com>"), false),
        ("email", quoted("a@[127.0.0.1]"), false),  // address literal
        ("email", quoted("a@[IPv6:::1]"), false),
        ("email", quoted("\\\"a\\\"@x.com"), false),  // quoted local part
        ("email", quoted("a(comment)@x.com"), false),
        ("email", quoted("a,b@x.com"), false),
        ("email", quoted("p\\u0430yp\\u0430l@x.com"), false),  // Cyrillic а among Latin letters
        ("email", quoted("paypal@p\\u0430ypal.com"), false),  // the same in a domain label
        ("email", quoted("\\u0430\\u0441\\u0435@x.com"), true),  // all Cyrillic: one script
        ("email", quoted("\\u0430\\u0441\\u0435@\\u043f\\u0440\\u0438\\u043c\\u0435\\u0440.\\u0440\\u0444"), true),
        ("email", quoted("user@xn--80ak6aa92e.com"), true),
        ("email", quoted("j\\u00f6rg.m\\u00fcller@stra\\u00dfe.de"), true),  // Latin with diacritics
        ("email", quoted("jo\\u0308rg@x.de"), true),  // decomposed: stored as NFC
        ("email", quoted("\\u5c71\\u7530\\u305f\\u308d\\u3046@x.jp"), true),  // Han + Hiragana
        ("email", quoted("\\u5c71a@x.jp"), false),  // Han + Latin
        ("email", quoted("\\u03b1\\u03b2a@x.gr"), false),  // Greek + Latin
        ("email", "42", false),
        ("email", "null", false),
        ("full_name", quoted("A"), true),
        ("full_name", quoted(String(repeating: "é", count: 200)), true),
        ("full_name", quoted(String(repeating: "é", count: 201)), false),
        ("full_name", quoted(""), false),
        ("full_name", quoted("   "), false),
        ("full_name", quoted("Ada\\nLovelace"), false),
        ("full_name", "[\"Ada\"]", false),
        ("date_of_birth", quoted("1900-01-01"), true),
        ("date_of_birth", quoted("1899-12-31"), false),
        ("date_of_birth", quoted("2025-03-01"), true),
        ("date_of_birth", quoted("2025-03-02"), false),
        ("date_of_birth", quoted("1990-02-29"), false),
        ("date_of_birth", "null", true),
        ("sex", quoted("female"), true),
        ("sex", quoted("male"), true),
        ("sex", quoted("other"), true),
        ("sex", quoted("unspecified"), true),
        ("sex", quoted("Female"), false),
        ("sex", quoted("f"), false),
        ("sex", "null", true),
    ]

    @Test(arguments: textCases)
    func fieldRules(_ field: String, _ value: String, _ valid: Bool) throws {
        let others = base.split(separator: ",").filter { !$0.contains("\"\(field)\"") }.joined(separator: ",")
        #expect(try names("\"\(field)\": \(value)", base: others) == (valid ? [] : [field]))
    }

    @Test func createUsesTheServerUUID() throws {
        let user = try User.decodeCreate(
            S.body(base: base, "\"date_of_birth\": \"1915-12-10\""),
            userUUID: S.ownerUUID, today: Self.today)
        #expect(user.userUUID == S.ownerUUID)
        #expect(user.dateOfBirth == S.date("1915-12-10"))
        #expect(user.sex == nil)
        #expect(user.jsonText == """
            {"user_uuid":"\(S.owner)","email":"ada@example.org","full_name":"Ada Lovelace",\
            "date_of_birth":"1915-12-10","sex":null,"created_at":null,"updated_at":null}
            """)
    }

    @Test func serverMadeFieldsAreReadOnly() throws {
        let body = try S.body(base: base, """
            "user_uuid": "\(S.owner)", "created_at": null, "updated_at": "2025-01-01T00:00:00Z"
            """)
        let issues = S.error { () throws(RecordValidationError) in
            try User.decodeCreate(body, userUUID: S.ownerUUID, today: Self.today)
        }?.issues
        #expect(issues == [
            FieldIssue(name: "user_uuid", reason: "is read-only"),
            FieldIssue(name: "created_at", reason: "is read-only"),
            FieldIssue(name: "updated_at", reason: "is read-only"),
        ])
    }

    @Test func requiredFieldsAndAllIssuesAtOnce() throws {
        #expect(try names("\"sex\": \"x\", \"date_of_birth\": \"tomorrow\"", base: "\"nickname\": \"ada\"")
            == ["email", "full_name", "date_of_birth", "sex", "nickname"])
    }

    @Test func patchCannotClearRequiredFields() throws {
        let error = S.error { () throws(RecordValidationError) in try User.decodePatch(S.bodyOrNull("{\"email\": null, \"full_name\": null}")) }
        #expect(error?.issues == [
            FieldIssue(name: "email", reason: "is required"),
            FieldIssue(name: "full_name", reason: "is required"),
        ])
    }

    @Test func patchSetsClearsAndChecksToday() throws {
        let existing = User(userUUID: S.ownerUUID, email: "ada@example.org", fullName: "Ada", dateOfBirth: S.date("1990-01-01"), sex: .female)
        let patch = try User.decodePatch(S.body("{\"sex\": null, \"full_name\": \"Ada King\", \"user_uuid\": \"\(S.owner.uppercased())\"}"))
        #expect(patch.changes == [FieldChange(column: "full_name", value: .text("Ada King")), FieldChange(column: "sex", value: .null)])
        let merged = try existing.merged(with: patch, today: Self.today)
        #expect(merged.fullName == "Ada King" && merged.sex == nil && merged.dateOfBirth == S.date("1990-01-01"))
        let future = try User.decodePatch(S.body("{\"date_of_birth\": \"2025-03-02\"}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: future, today: Self.today) } == ["date_of_birth"])
        let other = try User.decodePatch(S.body("{\"user_uuid\": \"\(S.otherOwner)\", \"sex\": \"male\"}"))
        #expect(S.names { () throws(RecordValidationError) in try existing.merged(with: other, today: Self.today) } == ["user_uuid"])
    }
}
