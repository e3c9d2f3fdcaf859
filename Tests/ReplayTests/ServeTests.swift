import APIGatewayTesting
import Foundation
import HealthTracker
import LambdaHTTP
import ReplayKit
import RuntimeEmulator
import TestTags
import Testing

/// `replay serve` through real processes over loopback HTTP.
@Suite(.serialized, .tags(.process)) struct ServeTests {
    let user = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    /// 50 clients at once, each sending a run of requests over several routes; every answer
    /// must be the one for its own request.
    @Test func burstOfConcurrentClientsIsAnsweredCorrectly() async throws {
        let routes: [(method: String, path: String, routeKey: String)] = [
            ("GET", "/api/users/\(user)", "GET /api/users/{user_uuid}"),
            ("POST", "/api/bio-metrics/", "POST /api/bio-metrics/"),
            ("GET", "/api/get_health_score", "GET /api/get_health_score"),
            ("DELETE", "/api/sleep-activity/\(user)/delete", "DELETE /api/sleep-activity/{user_uuid}/delete"),
            ("GET", "/api/blood-tests/\(user)/2024-05-01", "GET /api/blood-tests/{user_uuid}/{test_date}"),
        ]
        let clients = 50
        let requestsPerClient = 16
        let failures = try await withServe(binaries: try testFunctionFleet(), concurrency: 4) { client, emulator, log in
            try await withThrowingTaskGroup(of: [String].self) { group in
                for clientNumber in 0..<clients {
                    group.addTask {
                        var problems: [String] = []
                        for index in 0..<requestsPerClient {
                            let route = routes[(clientNumber + index) % routes.count]
                            let marker = "c\(clientNumber)-r\(index)"
                            let body = route.method == "POST" ? "{\"marker\":\"\(marker)\"}" : nil
                            let reply = try await client.send(
                                route.method, route.path + "?marker=\(marker)",
                                headers: body == nil ? [:] : ["Content-Type": "application/json"], body: body)
                            let json = try? reply.json()
                            if reply.status != 200 || json?["marker"] != .string(marker) || json?["routeKey"] != .string(route.routeKey)
                                || (body != nil && json?["body"] != .string(body!)) {
                                problems.append("\(marker) \(route.method) \(route.path): \(reply.status) \(reply.text)")
                            }
                        }
                        return problems
                    }
                }
                var all: [String] = []
                for try await problems in group { all += problems }
                // No process may have died under load, and none ran beyond the pool size.
                for function in APIFunction.allCases.map(\.rawValue) {
                    let instances = emulator.instances(of: function)
                    let allAlive = instances.allSatisfy { $0.exit == nil }
                    #expect(allAlive, "\(function)")
                    #expect(instances.count <= 4, "\(function)")
                }
                #expect(log.all.filter { $0.contains(" 200 ") }.count == clients * requestsPerClient)
                return all
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// `replay serve --concurrency 1 --max-concurrency 4`: one process per function, four
    /// invocations at a time in it, and every answer is its own request's.
    @Test func burstIntoOneProcessPerFunctionAtConcurrencyFour() async throws {
        let clients = 16
        let requestsPerClient = 8
        let failures = try await withServe(binaries: try testFunctionFleet(), concurrency: 1, maximumConcurrency: 4) { client, emulator, log in
            try await withThrowingTaskGroup(of: [String].self) { group in
                for clientNumber in 0..<clients {
                    group.addTask {
                        var problems: [String] = []
                        for index in 0..<requestsPerClient {
                            let marker = "c\(clientNumber)-r\(index)"
                            let path = index % 2 == 0 ? "/api/users/\(user)" : "/api/blood-tests/\(user)/2024-05-01"
                            let reply = try await client.send("GET", path + "?marker=\(marker)")
                            if reply.status != 200 || (try? reply.json())?["marker"] != .string(marker) {
                                problems.append("\(marker) \(path): \(reply.status) \(reply.text)")
                            }
                        }
                        return problems
                    }
                }
                var all: [String] = []
                for try await problems in group { all += problems }
                for function in ["users", "blood_tests"] {
                    let instances = emulator.instances(of: function)
                    #expect(instances.count == 1, "\(function)")
                    #expect(instances.allSatisfy { $0.exit == nil }, "\(function)")
                }
                #expect(log.all.contains { $0.contains("serving invocations concurrently workers=4") })
                return all
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func crashMidRequestIs502AndTheNextRequestSucceeds() async throws {
        try await withServe(binaries: try testFunctionFleet()) { client, emulator, log in
            let crash = try await client.send("GET", "/api/users/\(user)?action=crash")
            #expect(crash.status == 502)
            #expect(try crash.json() == JSONValue.object(["message": .string("Internal Server Error")]))
            let next = try await client.send("GET", "/api/users/\(user)?marker=after")
            #expect(next.status == 200)
            #expect(try next.json()["marker"] == .string("after"))
            let instances = emulator.instances(of: "users")
            // The 502 is sent when the process has exited, so its exit is known.
            #expect(instances.contains { $0.exit == .signaled(SIGABRT) })
            let oneAlive = instances.contains { $0.exit == nil }
            #expect(oneAlive)
            #expect(log.all.contains { $0.hasPrefix("users GET /api/users/{user_uuid} 502 ") })
        }
    }

    @Test func functionErrorAndUnreadableResponseAre502() async throws {
        try await withServe(binaries: try testFunctionFleet()) { client, _, _ in
            let thrown = try await client.send("GET", "/api/users/\(user)?action=throw")
            #expect(thrown.status == 502)
            let garbage = try await client.send("GET", "/api/users/\(user)?action=garbage")
            #expect(garbage.status == 502)
            let fine = try await client.send("GET", "/api/users/\(user)")
            #expect(fine.status == 200)
        }
    }

    @Test func functionPastItsTimeoutIsKilledAnd504() async throws {
        try await withServe(binaries: try testFunctionFleet(), timeout: .seconds(1)) { client, emulator, log in
            let first = try await client.send("GET", "/api/users/\(user)")
            #expect(first.status == 200)
            let slow = try await client.send("GET", "/api/users/\(user)?action=sleep&ms=30000")
            #expect(slow.status == 504)
            #expect(try slow.json() == JSONValue.object(["message": .string("Endpoint request timed out")]))
            // The 504 goes out when the deadline passes; the kill is reaped just after.
            await waitUntil { emulator.instances(of: "users").contains { $0.exit != nil } }
            let killed = emulator.instances(of: "users").filter { $0.exit == .signaled(SIGKILL) }
            #expect(killed.count == 1)
            let killedPID = Int(try #require(killed.first?.pid))
            let next = try await client.send("GET", "/api/users/\(user)")
            #expect(next.status == 200)
            #expect(try next.json()["pid"]?.integerValue != killedPID)
            #expect(log.all.contains { $0.contains(" 504 ") && $0.hasPrefix("users ") })
        }
    }

    @Test func unmatchedRequestsGoToDefaultRouteAsDeployed() async throws {
        var binaries = try testFunctionFleet()
        binaries[DefaultRouteFunction.name] = BuiltProducts.path(DefaultRouteFunction.name)
        try await withServe(binaries: binaries) { client, emulator, log in
            let unknown = try await client.send("GET", "/api/unknown")
            #expect(unknown.status == 404)
            #expect(unknown.headers["content-type"] == "application/problem+json")
            let problem = try unknown.json()
            #expect(problem["status"]?.integerValue == 404)
            #expect(problem["type"]?.stringValue?.contains("not-found") == true)
            let wrongMethod = try await client.send("PUT", "/api/users/")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["allow"]?.contains("POST") == true)
            #expect(wrongMethod.headers["content-type"] == "application/problem+json")
            // HEAD is outside the table too: default_route's 405, with no body, and the connection stays usable.
            let head = try await client.send("HEAD", "/api/users/")
            #expect(head.status == 405)
            #expect(head.body.isEmpty)
            let after = try await client.send("GET", "/api/users/\(user)")
            #expect(after.status == 200)
            #expect(!emulator.instances(of: DefaultRouteFunction.name).isEmpty)
            #expect(log.all.contains { $0.hasPrefix("default_route $default 404 ") })
            #expect(log.all.contains { $0.hasPrefix("default_route $default 405 ") })
        }
    }

    @Test func withoutDefaultRouteTheGatewayAnswersUnknownRoutesItself() async throws {
        try await withServe(binaries: try testFunctionFleet()) { client, emulator, _ in
            let unknown = try await client.send("GET", "/api/unknown")
            #expect(unknown.status == 404)
            #expect(try unknown.json() == JSONValue.object(["message": .string("Not Found")]))
            let wrongMethod = try await client.send("PUT", "/api/users/")
            #expect(wrongMethod.status == 404)
            // HEAD is not in the table either; its answer has no body, and the connection stays usable.
            let head = try await client.send("HEAD", "/api/users/")
            #expect(head.status == 404)
            #expect(head.body.isEmpty)
            let after = try await client.send("GET", "/api/elsewhere")
            #expect(try after.json() == JSONValue.object(["message": .string("Not Found")]))
            #expect(emulator.instances().isEmpty)
        }
    }

    @Test func jwtSecretVerifiesTokensAndPassesClaims() async throws {
        let verifier = JWTVerifier(secret: "test-secret")
        try await withServe(binaries: try testFunctionFleet(), verifier: verifier) { client, _, _ in
            let anonymous = try await client.send("GET", "/api/users/\(user)")
            #expect(anonymous.status == 401)
            let forged = JWTVerifier(secret: "wrong").sign(claims: [("sub", .string(user))])
            let forgedReply = try await client.send("GET", "/api/users/\(user)", headers: ["Authorization": "Bearer \(forged)"])
            #expect(forgedReply.status == 401)
            let token = verifier.sign(claims: [("sub", .string(user))])
            let reply = try await client.send("GET", "/api/users/\(user)", headers: ["Authorization": "Bearer \(token)"])
            #expect(reply.status == 200)
            #expect(try reply.json()["sub"] == .string(user))
        }
    }
}
