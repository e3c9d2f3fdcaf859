import APIGatewayTesting
import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import TestTags
import Testing

/// The `users` binary serving several invocations at once in one process
/// (`AWS_LAMBDA_MAX_CONCURRENCY`, as on Lambda Managed Instances), each PATCH held on a row
/// lock a test connection owns, so the test decides when each finishes.
@Suite("Managed Instances: one users process, many invocations, one connection pool", .tags(.process))
struct ManagedInstancesTests {
    static let concurrency = 4

    /// A test connection holding `user`'s row lock until `release`.
    final class RowLock {
        let connection: PostgresConnection

        init(_ database: TestDatabase, user: String) throws {
            connection = try database.connect(applicationName: "row-lock")
            try connection.executeScript("BEGIN")
            try connection.execute("SELECT 1 FROM users WHERE user_uuid = $1::uuid FOR UPDATE", [user])
        }

        func release() throws {
            try connection.executeScript("COMMIT")
            connection.close()
        }
    }

    /// The function's backends in this database, and how many of them wait on a lock.
    static func backends(_ admin: PostgresConnection, _ database: TestDatabase) throws -> (all: Int, waiting: Int) {
        let row = try admin.execute(
            """
            SELECT count(*), count(*) FILTER (WHERE wait_event_type = 'Lock') FROM pg_stat_activity
            WHERE datname = $1 AND application_name = 'users'
            """, [database.name]
        ).first!
        return (try row.decode(0, as: Int.self), try row.decode(1, as: Int.self))
    }

    /// Polls the server (which has no way to notify) until `condition` holds; false after ~60 s.
    static func eventually(_ admin: PostgresConnection, _ condition: () throws -> Bool) throws -> Bool {
        for _ in 0..<6000 {
            if try condition() { return true }
            try admin.execute("SELECT pg_sleep(0.01)")
        }
        return false
    }

    static func patch(_ user: String, name: String) -> [UInt8] {
        APIRequest(method: "PATCH", path: "/api/users/\(user)", headers: ["content-type": "application/json"], body: #"{"full_name":"\#(name)"}"#)
            .event(auth: .off)
    }

    /// statusCode, headers and body of a payload 2.0 response.
    static func response(_ result: InvocationResult) throws -> (status: Int, requestID: String?, body: [String: Any]) {
        let bytes = try #require(result.responseBytes, "expected a response, got \(result.outcome)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let headers = object["headers"] as? [String: String] ?? [:]
        let body = try #require(object["body"] as? String)
        let parsed = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        return (object["statusCode"] as? Int ?? 0, headers["X-Request-Id"] ?? headers["x-request-id"], parsed)
    }

    @Test("four PATCHes held on their own row locks are in flight at once on four connections; released in reverse, each answers in that order with its own id, body and metrics line; after SIGTERM the ones in flight finish and every connection ends cleanly")
    func rowLocks() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let path = try #require(BuiltProducts.path("users"), "build the functions first (swift build)")
            let admin = try database.connect(applicationName: "admin")
            let users = (0..<Self.concurrency).map { _ in UUID().uuidString.lowercased() }
            for (index, user) in users.enumerated() {
                try admin.execute(
                    "INSERT INTO users (user_uuid, email, full_name) VALUES ($1::uuid, $2, $3)", [user, "mi-\(index)@example.com", "before"]
                )
            }
            let output = FunctionOutputLog()
            let emulator = try await RuntimeEmulator.start(onOutput: { output.append($0) })
            emulator.register(FunctionConfiguration(
                name: "users", executablePath: path,
                environment: ["DATABASE_URL": database.url(user: HealthTrackerSchema.applicationRole), "AUTH_MODE": "none"],
                timeout: .seconds(60), initTimeout: .seconds(60), maximumInstances: 1, maximumConcurrency: Self.concurrency
            ))
            do {
                try await run(emulator, output, database, admin, users)
                await emulator.shutdown()
            } catch {
                await emulator.shutdown()
                throw error
            }
        }
    }

    private func run(
        _ emulator: RuntimeEmulator, _ output: FunctionOutputLog, _ database: TestDatabase, _ admin: PostgresConnection, _ users: [String]
    ) async throws {
        let count = users.count
        var locks = try users.map { try RowLock(database, user: $0) }
        try await withThrowingTaskGroup(of: (Int, InvocationResult).self) { group in
            for (index, user) in users.enumerated() {
                group.addTask { (index, try await emulator.invoke(Self.patch(user, name: "after-\(index)"), function: "users")) }
            }
            #expect(try Self.eventually(admin) { try Self.backends(admin, database).waiting == count })
            // One connection per invocation in flight, and no more than the bound.
            #expect(try Self.backends(admin, database).all == count)
            #expect(emulator.instances(of: "users").count == 1)

            var order: [Int] = []
            var results: [Int: InvocationResult] = [:]
            for index in (0..<count).reversed() {
                try locks[index].release()
                let (finished, result) = try #require(try await group.next())
                order.append(finished)
                results[finished] = result
            }
            #expect(order == Array((0..<count).reversed()))
            for index in 0..<count {
                let result = try #require(results[index])
                let answer = try Self.response(result)
                #expect(answer.status == 200)
                #expect(answer.requestID == result.requestID)
                #expect(answer.body["full_name"] as? String == "after-\(index)")
                #expect(answer.body["user_uuid"] as? String == users[index])
            }
            try await output.wait { texts in
                results.values.allSatisfy { result in texts.contains { $0.contains(#""function_request_id":"\#(result.requestID)""#) } }
            }
            for result in results.values {
                let records = output.texts.filter { $0.contains(#""function_request_id":"\#(result.requestID)""#) && $0.contains("_aws") }
                #expect(records.count == 1)
            }
            #expect(try Self.backends(admin, database).all <= count)
        }

        // SIGTERM with two invocations in flight: both are answered, then the process exits 0
        // and its backends end with a Terminate message (no session counted as abandoned).
        let abandonedBefore = try admin.execute("SELECT sessions_abandoned FROM pg_stat_database WHERE datname = $1", [database.name])
            .first!.decode(0, as: Int.self)
        locks = try users.prefix(2).map { try RowLock(database, user: $0) }
        let instance = try #require(emulator.instances(of: "users").first)
        try await withThrowingTaskGroup(of: InvocationResult.self) { group in
            for (index, user) in users.prefix(2).enumerated() {
                group.addTask { try await emulator.invoke(Self.patch(user, name: "term-\(index)"), function: "users") }
            }
            #expect(try Self.eventually(admin) { try Self.backends(admin, database).waiting == 2 })
            emulator.terminateGracefully(instanceID: instance.id)
            for lock in locks { try lock.release() }
            var names: [String] = []
            for try await result in group {
                let answer = try Self.response(result)
                #expect(answer.status == 200)
                names.append(answer.body["full_name"] as? String ?? "")
            }
            #expect(names.sorted() == ["term-0", "term-1"])
        }
        #expect(await emulator.waitForExit(instanceID: instance.id) == .exited(0))
        #expect(try Self.eventually(admin) { try Self.backends(admin, database).all == 0 })
        let abandonedAfter = try Self.eventually(admin) {
            try admin.execute("SELECT pg_stat_clear_snapshot()")
            return try admin.execute("SELECT sessions_abandoned FROM pg_stat_database WHERE datname = $1", [database.name])
                .first!.decode(0, as: Int.self) == abandonedBefore
        }
        #expect(abandonedAfter)
        #expect(output.texts.contains { $0.contains("SIGTERM: in-flight invocations answered") })
    }
}
