import Foundation
import TestTags
import Testing

/// Paging, delete selectors, cascade, status codes and problem bodies, concurrency.
@Suite(.apiHarness, .tags(.database))
struct RecordAPIBehaviourTests {
    private func day(_ offset: Int) -> String {
        let date = Date(timeIntervalSince1970: 1_767_225_600 + Double(offset) * 86_400)  // 2026-01-01 + offset
        return ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    }

    private func addActivity(_ api: APITestHarness, _ user: String, _ offset: Int) async throws {
        let response = try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(user)", "date": "\#(day(offset))", "steps": \#(1000 + offset)}"#)
        try #require(response.status == 201, "\(response.text)")
    }

    @Test func cursorPagingAcrossPagesWithRecordsAddedInBetween() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        for offset in stride(from: 10, through: 30, by: 2) { try await addActivity(api, user, offset) }  // 11 days

        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let query = "limit=3" + (cursor.map { "&cursor=" + $0 } ?? "")
            let page = try await api.get("/api/physical-activity/\(user)", query: query)
            try #require(page.status == 200, "\(page.text)")
            #expect(page.items.count <= 3)
            seen += page.items.compactMap { $0["date"] as? String }
            cursor = page.object["next_cursor"] as? String
            pages += 1
            if pages == 1 {
                // Newer than the first page and older than everything: the newer one is not
                // revisited, the older one is reached, nothing is repeated or skipped.
                try await addActivity(api, user, 40)
                try await addActivity(api, user, 1)
                try await addActivity(api, user, 17)
            }
        } while cursor != nil && pages < 20
        let expected = ([30, 28, 26] + [24, 22, 20, 18, 17, 16, 14, 12, 10, 1]).map(day)
        #expect(seen == expected)
        #expect(pages == 5)

        let window = try await api.get("/api/physical-activity/\(user)", query: "from=\(day(12))&to=\(day(20))&limit=2")
        #expect(window.items.compactMap { $0["date"] as? String } == [day(20), day(18)])
        let rest = try await api.get("/api/physical-activity/\(user)", query: "from=\(day(12))&to=\(day(20))&limit=10&cursor=\(try #require(window.object["next_cursor"] as? String))")
        #expect(rest.items.compactMap { $0["date"] as? String } == [day(17), day(16), day(14), day(12)])
        #expect(rest.object["next_cursor"] is NSNull)

        let bad = try await api.get("/api/physical-activity/\(user)", query: "limit=0&cursor=nonsense&from=2026-13-01")
        #expect(bad.status == 400)
        #expect(bad.problemType == "/problems/invalid-parameter")
        #expect(Set(bad.invalidNames) == ["limit", "cursor", "from"])
        #expect(try await api.get("/api/physical-activity/\(user)", query: "limit=500").status == 200)
        #expect(try await api.get("/api/physical-activity/\(user)", query: "limit=501").status == 400)
    }

    @Test func usersListIsPagedNewestFirst() async throws {
        let api = try APITestHarness.require()
        var created: [String] = []
        for _ in 0..<4 { created.append(try await api.createUser().uuidString.lowercased()) }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let page = try await api.get("/api/users/", query: "limit=2" + (cursor.map { "&cursor=" + $0 } ?? ""))
            try #require(page.status == 200)
            seen += page.items.compactMap { $0["user_uuid"] as? String }
            cursor = page.object["next_cursor"] as? String
        } while cursor != nil
        // Other tests add users meanwhile; ours appear newest first, once each.
        #expect(seen.filter(created.contains) == created.reversed())
        #expect(Set(seen).count == seen.count)
    }

    @Test func deleteSelectors() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        for offset in 0..<6 { try await addActivity(api, user, offset) }
        let path = "/api/physical-activity/\(user)/delete"

        let none = try await api.delete(path)
        #expect(none.status == 400)
        #expect(none.problemType == "/problems/invalid-parameter")
        #expect(none.invalidNames == ["selector"])
        let two = try await api.delete(path, query: "all=true&date=\(day(0))")
        #expect(two.status == 400)
        let halfRange = try await api.delete(path, query: "from=\(day(0))")
        #expect(halfRange.status == 400)
        #expect(try await api.get("/api/physical-activity/\(user)").items.count == 6)

        #expect(try await api.delete(path, query: "date=\(day(0))").object["deleted"] as? Int == 1)
        #expect(try await api.delete(path, query: "date=\(day(0))").object["deleted"] as? Int == 0)
        #expect(try await api.delete(path, query: "from=\(day(1))&to=\(day(3))").object["deleted"] as? Int == 3)
        #expect(try await api.delete(path, query: "all=true").object["deleted"] as? Int == 2)
        #expect(try await api.get("/api/physical-activity/\(user)").items.isEmpty)

        let stranger = UUID().uuidString.lowercased()
        let unknown = try await api.delete("/api/physical-activity/\(stranger)/delete", query: "all=true")
        #expect(unknown.status == 404)
        #expect(unknown.problemType == "/problems/user-not-found")
    }

    @Test func deletingAUserDeletesAllOfTheirRecords() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        let other = try await api.createUser().uuidString.lowercased()
        for owner in [user, other] {
            #expect(try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(owner)", "test_date": "2026-01-05", "hba1c_percent": 5.1}"#).status == 201)
            #expect(try await api.post("/api/bio-metrics/", #"{"user_uuid": "\#(owner)", "recorded": "2026-01-05T07:00:00Z", "weight_kg": 70}"#).status == 201)
            #expect(try await api.post("/api/physical-activity/", #"{"user_uuid": "\#(owner)", "date": "2026-01-05", "steps": 5000}"#).status == 201)
            #expect(try await api.post("/api/sleep-activity/", #"{"user_uuid": "\#(owner)", "date": "2026-01-05", "total_sleep_minutes": 420}"#).status == 201)
        }
        #expect(try await api.delete("/api/users/\(user)").status == 204)
        let connection = try api.database.connect()
        for table in ["blood_tests", "bio_metrics", "physical_activity", "sleep_activity"] {
            let rows = try connection.execute("SELECT count(*) FROM \(table) WHERE user_uuid = $1", [user])
            #expect(try rows[0].decode(0, as: Int.self) == 0, "\(table)")
            let kept = try connection.execute("SELECT count(*) FROM \(table) WHERE user_uuid = $1", [other])
            #expect(try kept[0].decode(0, as: Int.self) == 1, "\(table)")
        }
        for path in ["/api/blood-tests/", "/api/bio-metrics/", "/api/physical-activity/", "/api/sleep-activity/"] {
            let list = try await api.get(path + user)
            #expect(list.status == 404)
            #expect(list.problemType == "/problems/user-not-found")
        }
    }

    @Test func recordsForAMissingUser() async throws {
        let api = try APITestHarness.require()
        let stranger = UUID().uuidString.lowercased()
        let created = try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(stranger)", "test_date": "2026-01-05", "hba1c_percent": 5.1}"#)
        #expect(created.status == 404)
        #expect(created.problemType == "/problems/user-not-found")
        let read = try await api.get("/api/blood-tests/\(stranger)/2026-01-05")
        #expect(read.problemType == "/problems/user-not-found")
        let patched = try await api.patch("/api/sleep-activity/\(stranger)/update", #"{"date": "2026-01-05", "awakenings": 2}"#)
        #expect(patched.status == 404)
        #expect(patched.problemType == "/problems/user-not-found")
        #expect(try await api.patch("/api/users/\(stranger)", #"{"full_name": "X"}"#).status == 404)
    }

    @Test func statusCodesAndProblemBodies() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()

        func expectProblem(_ response: APIResponse, _ status: Int, _ type: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
            #expect(response.problemType == type, sourceLocation: sourceLocation)
            #expect(response.contentType == "application/problem+json", sourceLocation: sourceLocation)
            #expect(response.object["status"] as? Int == status, sourceLocation: sourceLocation)
            #expect(response.object["title"] is String, sourceLocation: sourceLocation)
            #expect((response.object["request_id"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        }

        // 400: a malformed path parameter, a body that is not JSON or not an object.
        let badUUID = try await api.get("/api/blood-tests/not-a-uuid")
        expectProblem(badUUID, 400, "/problems/invalid-path-parameter")
        #expect(badUUID.invalidNames == ["user_uuid"])
        expectProblem(try await api.get("/api/blood-tests/\(user)/2026-02-30"), 400, "/problems/invalid-path-parameter")
        expectProblem(try await api.post("/api/blood-tests/", "{\"user_uuid\": "), 400, "/problems/malformed-body")
        expectProblem(try await api.post("/api/blood-tests/", "[1, 2]"), 400, "/problems/malformed-body")
        expectProblem(try await api.post("/api/blood-tests/", ""), 400, "/problems/malformed-body")
        // 404: unknown route, record.
        expectProblem(try await api.get("/api/blood-tests/\(user)/2026-01-01/extra/segments"), 404, "/problems/not-found")
        expectProblem(try await api.get("/api/blood-tests/\(user)/2026-01-01"), 404, "/problems/not-found")
        // 405 with Allow.
        let wrongMethod = try await api.send(APIRequest(method: "PUT", path: "/api/users/\(user)"))
        expectProblem(wrongMethod, 405, "/problems/method-not-allowed")
        #expect(wrongMethod.headers["allow"]?.contains("PATCH") == true)
        // 409.
        let body = #"{"user_uuid": "\#(user)", "test_date": "2026-01-01", "hba1c_percent": 5.1}"#
        #expect(try await api.post("/api/blood-tests/", body).status == 201)
        expectProblem(try await api.post("/api/blood-tests/", body), 409, "/problems/conflict")
        // 413: over 1 MiB.
        let huge = #"{"user_uuid": "\#(user)", "note": ""# + String(repeating: "x", count: 1 << 20) + "\"}"
        expectProblem(try await api.post("/api/blood-tests/", huge), 413, "/problems/payload-too-large")
        // 415.
        expectProblem(try await api.post("/api/blood-tests/", body, headers: ["content-type": "text/plain"]), 415, "/problems/unsupported-media-type")
        expectProblem(try await api.post("/api/blood-tests/", body, headers: [:]), 415, "/problems/unsupported-media-type")
        // 422.
        let invalid = try await api.post("/api/blood-tests/", #"{"user_uuid": "\#(user)", "test_date": "2026-01-02", "hba1c_percent": 30}"#)
        expectProblem(invalid, 422, "/problems/validation")
        #expect(invalid.invalidNames == ["hba1c_percent"])
        // Trailing slash or not: the same route.
        #expect(try await api.get("/api/blood-tests/\(user)/").status == 200)
        #expect(try await api.get("/api/users").status == 200)
    }

    @Test func twoConcurrentPatchesOfDifferentFieldsAreBothKept() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        #expect(try await api.post("/api/bio-metrics/", #"{"user_uuid": "\#(user)", "recorded": "2026-01-05T07:00:00Z", "weight_kg": 70}"#).status == 201)
        let path = "/api/bio-metrics/\(user)/2026-01-05T07:00:00Z/update"
        // Two warm processes, so the PATCHes of each round run at the same time.
        try await api.host.prewarm(function: "bio_metrics", instances: 2)
        #expect(api.host.liveInstanceCount(of: "bio_metrics") == 2)
        for round in 0..<5 {
            async let first = api.patch(path, #"{"height_cm": \#(170 + round)}"#)
            async let second = api.patch(path, #"{"resting_heart_rate_bpm": \#(60 + round)}"#)
            let (a, b) = try await (first, second)
            #expect(a.status == 200)
            #expect(b.status == 200)
            let read = try await api.get("/api/bio-metrics/\(user)/2026-01-05T07:00:00Z")
            #expect(read.object["height_cm"] as? Int == 170 + round)
            #expect(read.object["resting_heart_rate_bpm"] as? Int == 60 + round)
            #expect(read.object["weight_kg"] as? Int == 70)
        }
    }

    /// Deterministic interleaving: another writer changes `height_cm` and holds the row while a
    /// PATCH of `spo2_percent` has read the old row and waits to write. A PATCH that
    /// wrote the whole row back would lose the other writer's height.
    @Test func aPatchWaitingOnAnotherWriterKeepsItsChange() async throws {
        let api = try APITestHarness.require()
        let user = try await api.createUser().uuidString.lowercased()
        #expect(try await api.post("/api/bio-metrics/", #"{"user_uuid": "\#(user)", "recorded": "2026-01-06T07:00:00Z", "weight_kg": 70, "height_cm": 170}"#).status == 201)
        let writer = try api.database.connect()
        let observer = try api.database.connect()
        try writer.execute("BEGIN")
        try writer.execute("UPDATE bio_metrics SET height_cm = 181 WHERE user_uuid = $1", [user])
        async let patched = api.patch("/api/bio-metrics/\(user)/2026-01-06T07:00:00Z/update", #"{"spo2_percent": 97}"#)
        var waiting = false
        for _ in 0..<400 where !waiting {
            let rows = try observer.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE bio_metrics SET spo2_percent %'")
            waiting = try rows[0].decode(0, as: Int.self) > 0
            if !waiting { try await Task.sleep(for: .milliseconds(25)) }
        }
        #expect(waiting, "the PATCH never waited for the row")
        try writer.execute("COMMIT")
        let response = try await patched
        #expect(response.status == 200)
        #expect(response.object["height_cm"] as? Int == 181)
        #expect(response.object["spo2_percent"] as? Int == 97)
    }
}
