import APIGatewayTesting
import Essentials
import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import TestTags
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `users` binary under the emulator when the database is not there, stalls, or
/// has a reader: what an AWS deployment meets while Aurora resumes, fails over or replicates.
// Serialized: one test pauses the standby's replay, which the reader test must not meet.
@Suite("Database outages seen through a function", .tags(.process), .serialized)
struct DatabaseOutageTests {
    /// Starts an emulator with `users` registered on `environment`, runs `body`, shuts it down.
    static func withFunction<T>(
        _ environment: [String: String], timeout: Duration = .seconds(60), _ body: (RuntimeEmulator) async throws -> T
    ) async throws -> T {
        let emulator = try await RuntimeEmulator.start()
        let path = try #require(BuiltProducts.path("users"), "build the functions first (swift build)")
        emulator.register(FunctionConfiguration(
            name: "users", executablePath: path, environment: environment.merging(["AUTH_MODE": "none"]) { mine, _ in mine },
            timeout: timeout, initTimeout: .seconds(60), maximumInstances: 1
        ))
        do {
            let value = try await body(emulator)
            await emulator.shutdown()
            return value
        } catch {
            await emulator.shutdown()
            throw error
        }
    }

    /// `withFunction` on a migrated database of its own, with the standby as its reader.
    static func withFunctionOnStandby(_ body: (TestDatabase, _ standbyPort: Int, RuntimeEmulator) async throws -> Void) async throws {
        let standbyPort = try TestHelperServers.standbyPort()
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            try await withFunction([
                "DATABASE_URL": database.url, "DATABASE_READER_HOST": "127.0.0.1", "DATABASE_READER_PORT": String(standbyPort),
            ]) { emulator in
                try await body(database, standbyPort, emulator)
            }
        }
    }

    /// Sends one request; the invocation's deadline is the function's configured timeout.
    static func send(_ request: APIRequest, _ emulator: RuntimeEmulator) async throws -> (InvocationResult, APIResponse?) {
        let result = try await emulator.invoke(request.event(auth: .off), function: "users")
        return (result, try result.responseBytes.flatMap(GatewayResponse.fromPayload).map(APIResponse.init))
    }

    @Test("an unreachable database never fails init: each request answers 503 problem+json with Retry-After, and the process lives on")
    func unreachableAtColdStart() async throws {
        let url = "postgresql://postgres@127.0.0.1:\(try TCPListener.closedPort())/healthtracker"
        try await Self.withFunction(["DATABASE_URL": url]) { emulator in
            let get = APIRequest(method: "GET", path: "/api/users/\(UUID().uuidString.lowercased())")
            for _ in 0..<2 {
                let (result, response) = try await Self.send(get, emulator)
                let answer = try #require(response, "expected a response, got \(result.outcome)")
                #expect(answer.status == 503)
                #expect(answer.contentType == "application/problem+json")
                #expect(answer.headers["retry-after"] != nil)
            }
            // A request that needs no database is answered as usual.
            let (_, invalid) = try await Self.send(APIRequest(method: "GET", path: "/api/users/not-a-uuid"), emulator)
            #expect(invalid?.status == 400)
            let instances = emulator.instances(of: "users")
            #expect(instances.count == 1 && instances.first?.exit == nil && instances.first?.invocationsServed == 3)
        }
    }

    @Test("a configuration error still fails init")
    func configurationErrorFailsInit() async throws {
        try await Self.withFunction(["DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x", "DATABASE_POOLED": "maybe"]) { emulator in
            let (result, _) = try await Self.send(APIRequest(method: "GET", path: "/api/users/\(UUID().uuidString.lowercased())"), emulator)
            guard case .initError(let posted, _) = result.outcome else {
                Issue.record("expected an init error, got \(result.outcome)")
                return
            }
            #expect(posted.report.errorMessage.contains("DATABASE_POOLED"))
        }
    }

    @Test("a stopped backend: the function answers 503 before its deadline, survives, and reconnects on the next request")
    func stalledBackend() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            try await Self.withFunction(["DATABASE_URL": database.url], timeout: .seconds(5)) { emulator in
                let missing = APIRequest(method: "GET", path: "/api/users/\(UUID().uuidString.lowercased())")
                let (_, first) = try await Self.send(missing, emulator)
                #expect(first?.status == 404)
                let admin = try database.connect(applicationName: "observer")
                let pid = try #require(try admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'users'", [database.name]
                ).first).decode(0, as: Int.self)

                // A stopped backend holds up every DROP DATABASE on the cluster (they wait for it
                // to acknowledge a barrier), so it is continued on a thread of its own after a
                // fixed time, whatever becomes of this test, rather than after an await.
                #expect(kill(pid_t(pid), SIGSTOP) == 0)
                let resume = try #require(SystemThread {
                    usleep(6_000_000)
                    kill(pid_t(pid), SIGCONT)
                })
                let stalled = try await Self.send(missing, emulator)
                resume.join()
                let answer = try #require(stalled.1, "expected an answer before the deadline, got \(stalled.0.outcome)")
                #expect(answer.status == 503 && answer.headers["retry-after"] != nil)

                let (result, after) = try await Self.send(missing, emulator)
                #expect(after?.status == 404)
                #expect(result.coldStart == false)
                #expect(emulator.instances(of: "users").count == 1)
            }
        }
    }

    /// The server's statement_timeout fires before the client's deadline and rolls the write
    /// back on a live connection: the outcome is known, and nothing was stored. (A write whose
    /// connection is lost after sending is the unknown case: DeadlineTests.stalledWrite.)
    @Test("a write the server times out answers 503 and stores nothing")
    func timedOutWriteIsRolledBack() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            try await Self.withFunction(["DATABASE_URL": database.url], timeout: .seconds(5)) { emulator in
                let (_, warm) = try await Self.send(APIRequest(method: "GET", path: "/api/users/\(UUID().uuidString.lowercased())"), emulator)
                #expect(warm?.status == 404)
                // The INSERT waits on a lock until its statement_timeout.
                let admin = try database.connect(applicationName: "observer")
                try admin.executeScript("BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
                let stalled = try await Self.send(APIRequest(
                    method: "POST", path: "/api/users/", headers: ["content-type": "application/json"],
                    body: #"{"email": "stall@example.com", "full_name": "Stalled Write"}"#
                ), emulator)
                try admin.executeScript("ROLLBACK")
                let answer = try #require(stalled.1, "expected an answer, got \(stalled.0.outcome)")
                #expect(answer.status == 503 && answer.headers["retry-after"] != nil)
                #expect((answer.object["detail"] as? String)?.contains("unknown") == false)
                let stored = try admin.execute("SELECT count(*)::int AS n FROM users WHERE email = $1", ["stall@example.com"])
                #expect(try stored.map { try $0.decode("n", as: Int.self) } == [0])
            }
        }
    }

    @Test("with DATABASE_READER_HOST/PORT, GETs arrive on the standby")
    func readsOnStandby() async throws {
        try await Self.withFunctionOnStandby { database, standbyPort, emulator in
            let (_, created) = try await Self.send(APIRequest(
                method: "POST", path: "/api/users/", headers: ["content-type": "application/json"],
                body: #"{"email": "reader@example.com", "full_name": "Read Replica"}"#
            ), emulator)
            let uuid = try #require(created?.object["user_uuid"] as? String)
            // Replication is asynchronous: the standby shows the user a moment later.
            let token = try #require(created?.headers["consistency-token"].flatMap { WALPosition($0) })
            try await PausedReplay(standbyPort: standbyPort).waitForReplay(of: token)
            let status = try await Self.send(APIRequest(method: "GET", path: "/api/users/\(uuid)"), emulator).1?.status
            #expect(status == 200)
            #expect(try database.sessionCount(applicationName: "users", port: standbyPort) == 1)
        }
    }

    @Test("a lagging standby (replay paused): the client reads its own writes through the users binary; a list without the token lags")
    func readYourWritesOnLaggingStandby() async throws {
        try await Self.withFunctionOnStandby { _, standbyPort, emulator in
            func send(_ method: String, _ path: String, body: String? = nil, token: String? = nil) async throws -> APIResponse {
                var headers = body == nil ? [:] : ["content-type": "application/json"]
                if let token { headers["consistency-token"] = token }
                return try #require(try await Self.send(APIRequest(method: method, path: path, headers: headers, body: body), emulator).1)
            }
            let replay = try PausedReplay(standbyPort: standbyPort)
            let first = try await send("POST", "/api/users/", body: #"{"email": "first@example.com", "full_name": "First"}"#)
            #expect(first.status == 201)
            let firstToken = try #require(first.headers["consistency-token"].flatMap { WALPosition($0) })
            try await replay.waitForReplay(of: firstToken)
            try await replay.paused {
                let second = try await send("POST", "/api/users/", body: #"{"email": "second@example.com", "full_name": "Second"}"#)
                #expect(second.status == 201)
                let token = try #require(second.headers["consistency-token"])
                #expect(WALPosition(token).map { $0.value > firstToken.value } == true)
                let uuid = try #require(second.object["user_uuid"] as? String)
                // By key: with the token (the writer answers), and without it (the reader's 404 is asked of the writer).
                #expect(try await send("GET", "/api/users/\(uuid)", token: token).status == 200)
                #expect(try await send("GET", "/api/users/\(uuid)").status == 200)
                // A list without the token is the lagging reader's; with it, the writer's.
                let emails = { (response: APIResponse) in Set(response.items.compactMap { $0["email"] as? String }) }
                #expect(emails(try await send("GET", "/api/users/")) == ["first@example.com"])
                #expect(emails(try await send("GET", "/api/users/", token: token)) == ["first@example.com", "second@example.com"])
                // Every write answers with a token.
                let patched = try await send("PATCH", "/api/users/\(uuid)", body: #"{"full_name": "Second Again"}"#)
                #expect(patched.status == 200 && patched.headers["consistency-token"].flatMap { WALPosition($0) } != nil)
                #expect(try await send("GET", "/api/users/\(uuid)").headers["consistency-token"] == nil)
            }
        }
    }

    @Test("a keyed POST whose connection is dropped after its COMMIT was sent answers 503 (outcome unknown); the retry with the same key returns the original 201")
    func keyedRetryAfterLostConnection() async throws {
        let standbyPort = try TestHelperServers.standbyPort()
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let admin = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
            // Commits in this database wait until the (paused) standby applies them: the server
            // has committed locally while the function still waits for the answer to COMMIT.
            // Other databases keep the cluster's synchronous_commit=off, which never waits.
            try admin.executeScript("ALTER DATABASE \(database.name) SET synchronous_commit = remote_apply")
            try admin.executeScript("ALTER SYSTEM SET synchronous_standby_names = '*'")
            try admin.executeScript("SELECT pg_reload_conf()")
            defer {
                _ = try? admin.executeScript("ALTER SYSTEM RESET synchronous_standby_names")
                _ = try? admin.executeScript("SELECT pg_reload_conf()")
            }
            var applied = false
            for _ in 0..<200 where !applied {
                let fresh = try PostgresConnection(configuration: try TestCluster.adminConfiguration())
                applied = try fresh.execute("SHOW synchronous_standby_names").first!.decode(0, as: String.self) == "*"
                fresh.close()
                if !applied { try await Task.sleep(for: .milliseconds(50)) }
            }
            try #require(applied)
            let replay = try PausedReplay(standbyPort: standbyPort)
            try await replay.waitForReplay(of: try PausedReplay.writerPosition(admin))
            try await Self.withFunction(["DATABASE_URL": database.url]) { emulator in
                let request = APIRequest(
                    method: "POST", path: "/api/users/", headers: ["content-type": "application/json", "idempotency-key": "lost-1"],
                    body: #"{"email": "lost@example.com", "full_name": "Lost Answer"}"#)
                let first = try await replay.paused {
                    async let answer = Self.send(request, emulator)
                    // The COMMIT waits for the standby: drop that connection now.
                    var terminated = 0
                    for _ in 0..<400 where terminated == 0 {
                        terminated = try admin.execute(
                            "SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'SyncRep'",
                            [database.name]
                        ).first!.decode(0, as: Int.self)
                        if terminated == 0 { try await Task.sleep(for: .milliseconds(50)) }
                    }
                    #expect(terminated == 1)
                    return try await answer
                }
                let lost = try #require(first.1, "expected an answer, got \(first.0.outcome)")
                #expect(lost.status == 503)
                #expect((lost.object["detail"] as? String)?.contains("unknown") == true, "\(lost.text)")
                // It committed before the connection went.
                let check = try database.connect()
                let stored = try check.execute("SELECT user_uuid::text FROM users WHERE email = 'lost@example.com'")
                let uuid = try #require(try stored.map { try $0.decode(0, as: String.self) }.first)
                #expect(stored.count == 1)

                let retry = try #require(try await Self.send(request, emulator).1)
                #expect(retry.status == 201, "\(retry.text)")
                #expect(retry.headers["idempotency-replayed"] == "true")
                #expect(retry.object["user_uuid"] as? String == uuid)
                #expect(try check.execute("SELECT count(*)::int FROM users WHERE email = 'lost@example.com'").first!.decode(0, as: Int.self) == 1)
            }
        }
    }
}
