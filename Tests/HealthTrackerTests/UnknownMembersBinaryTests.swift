import Foundation
import TestTags
import Testing

/// Unknown members past what a problem lists are counted, not collected, through the real
/// physical_activity binary (the cost is in scripts/bench-parse's "many keys" row).
@Suite(.apiHarness(.process), .tags(.process))
struct UnknownMembersBinaryTests {
    /// Only the listed ones are collected: the first by name order, whatever order the body
    /// gives, after the known fields' own issues; the rest are counted.
    @Test func unknownMembersListedAreTheFirstByName() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let names = (0..<5_000).map { "u\($0)" }
        var body = #"{"user_uuid": "\#(user)", "date": "2026-01-04", "steps": -1"#
        for name in names.reversed() { body += ",\"\(name)\":0" }
        body += "}"
        let response = try await api.post("/api/physical-activity/", body)
        #expect(response.status == 422)
        let listed = (response.object["invalid_params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(listed == ["steps"] + Array(names.sorted().prefix(99)))
        #expect(response.object["invalid_params_omitted"] as? Int == 5_001 - 100)
        #expect(response.object["detail"] as? String == "5001 fields are invalid")
    }
}
