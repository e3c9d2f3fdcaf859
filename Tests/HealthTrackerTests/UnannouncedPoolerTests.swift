import APIGatewayTesting
import Foundation
import HealthTracker
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import TestTags
import Testing

/// The real `users` binary behind PgBouncer in transaction mode without `DATABASE_POOLED`:
/// what an operator who forgot the switch gets.
@Suite("A pooler without DATABASE_POOLED, through a function", .tags(.process))
struct UnannouncedPoolerTests {
    @Test("a named statement missing on the next backend is run again unnamed: every request succeeds, one row each, one WARN naming DATABASE_POOLED=true")
    func switchesAndWarnsOnce() async throws {
        let port = try TestHelperServers.poolerPort()
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let url = database.url(port: port)
            let output = FunctionOutputLog()
            let emulator = try await RuntimeEmulator.start(onOutput: { output.append($0) })
            let path = try #require(BuiltProducts.path("users"), "build the functions first (swift build)")
            emulator.register(FunctionConfiguration(
                name: "users", executablePath: path, environment: ["DATABASE_URL": url, "AUTH_MODE": "none"],
                timeout: .seconds(60), initTimeout: .seconds(60), maximumInstances: 1
            ))
            func post(_ email: String) async throws -> Int {
                let request = APIRequest(
                    method: "POST", path: "/api/users/", headers: ["content-type": "application/json"],
                    body: #"{"email": "\#(email)", "full_name": "Pooled Forgot"}"#)
                let result = try await emulator.invoke(request.event(auth: .off), function: "users")
                return result.responseBytes.flatMap(GatewayResponse.fromPayload)?.status ?? 0
            }
            do {
                // Prepares the insert on the backend PgBouncer hands out...
                #expect(try await post("one@example.com") == 201)
                // ...which a transaction then holds, so the next insert lands on another backend.
                let holder = try PostgresConnection(configuration: PostgresConfiguration(connectionString: url, applicationName: "holder"))
                try holder.executeScript("BEGIN; SELECT 1")
                #expect(try await post("two@example.com") == 201)
                holder.close()
                #expect(try await post("three@example.com") == 201)
                await emulator.shutdown()
            } catch {
                await emulator.shutdown()
                throw error
            }
            let rows = try database.connect().execute("SELECT count(*) FROM users").first!.decode(0, as: Int.self)
            #expect(rows == 3)
            let warnings = output.texts.filter { $0.contains("DATABASE_POOLED=true") }
            #expect(warnings.count == 1, "\(output.texts)")
            #expect(warnings.first?.contains("WARN") == true)
        }
    }
}
