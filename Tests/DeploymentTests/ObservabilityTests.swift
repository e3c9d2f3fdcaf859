import Foundation
import HealthTracker
import LambdaHTTP
import Postgres
import PostgresTestSupport
import RuntimeEmulator
import TestTags
import Testing

/// The EMF record and the Powertools log keys, through the real function binaries under
/// the Runtime API emulator.
@Suite("Observability: EMF records and log keys through the real binaries", .tags(.process))
struct ObservabilityTests {
    static let namespace = "Tests/Observability"

    /// The EMF records among a function's output lines.
    /// The records, once `count` of them have arrived. Each invocation writes its record
    /// after its other lines, so every earlier line has arrived too.
    static func records(_ function: FunctionUnderTest, count: Int) async throws -> [(line: String, root: [String: Any])] {
        try await function.output.wait { $0.filter { $0.hasPrefix("{\"_aws\"") }.count >= count }
        return records(function)
    }

    static func records(_ function: FunctionUnderTest) -> [(line: String, root: [String: Any])] {
        function.output.texts.compactMap { text in
            guard let root = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
                  root["_aws"] != nil else { return nil }
            return (text, root)
        }
    }

    @Test("default_route: 404, 405 with Allow, one valid EMF record per invocation, Powertools keys")
    func defaultRoute() async throws {
        let environment = ["POWERTOOLS_METRICS_NAMESPACE": Self.namespace, "AWS_LAMBDA_LOG_LEVEL": "INFO"]
        try await FunctionUnderTest.with(DefaultRouteFunction.name, environment: environment) { function in
            let unknown = try await function.invoke(httpEvent(method: "GET", path: "/api/nothing-here"))
            let notFound = try httpResponse(unknown)
            #expect(notFound.status == 404)
            #expect(notFound.headers["content-type"] == "application/problem+json")
            #expect(notFound.body["type"] as? String == ProblemType.notFound.uri)
            #expect(notFound.body["request_id"] as? String == unknown.requestID)

            let wrongMethod = try httpResponse(try await function.invoke(httpEvent(method: "DELETE", path: "/api/users/")))
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["allow"] == "POST, GET")
            #expect(wrongMethod.body["type"] as? String == ProblemType.methodNotAllowed.uri)

            // A declared route reaching $default: the gateway and the table disagree.
            let declared = try await function.invoke(httpEvent(method: "GET", path: "/api/users/"))
            #expect(try httpResponse(declared).status == 404)

            let records = try await Self.records(function, count: 3)
            try #require(records.count == 3, "one EMF record per invocation: \(function.output.texts)")
            for record in records {
                #expect(EMFSpecification.violations(record.line).isEmpty, "\(EMFSpecification.violations(record.line)): \(record.line)")
                #expect(record.root["function"] as? String == DefaultRouteFunction.name)
                #expect(record.root["Status4xx"] as? Int == 1)
                #expect(record.root["Status2xx"] as? Int == 0)
                #expect(record.root["Status5xx"] as? Int == 0)
                #expect(record.root["Requests"] as? Int == 1)
                #expect(record.root["DatabaseTime"] as? Int == 0)
                #expect((record.root["Duration"] as? Double ?? -1) >= 0)
                let aws = try #require(record.root["_aws"] as? [String: Any])
                let directive = try #require((aws["CloudWatchMetrics"] as? [[String: Any]])?.first)
                #expect(directive["Namespace"] as? String == Self.namespace)
                #expect(directive["Dimensions"] as? [[String]] == [["function", "route"], ["function"], []])
                #expect(Set((directive["Metrics"] as? [[String: Any]] ?? []).compactMap { $0["Name"] as? String })
                    == Set(HTTPInvocationMetrics.metricNames))
            }
            #expect(records.map { $0.root["ColdStart"] as? Int } == [1, 0, 0])
            #expect(records.map { $0.root["route"] as? String } == ["unmatched", "unmatched", "GET /api/users/"])
            #expect(records[0].root["function_request_id"] as? String == unknown.requestID)
            #expect(records[2].root["function_request_id"] as? String == declared.requestID)

            // The warning for the disagreeing route, with Powertools' keys.
            let warning = try #require(function.jsonLines.first { $0["level"] as? String == "WARN" }, "\(function.output.texts)")
            #expect(warning["message"] is String)
            #expect((warning["timestamp"] as? String).flatMap { $0.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/) } != nil)
            #expect(warning["service"] as? String == DefaultRouteFunction.name)
            #expect(warning["cold_start"] as? Bool == false)
            #expect(warning["function_request_id"] as? String == declared.requestID)
            #expect((warning["xray_trace_id"] as? String).flatMap { $0.wholeMatch(of: /1-[0-9a-f]{8}-[0-9a-f]{24}/) } != nil)
            #expect(warning["route"] as? String == APIRoute.record(.users, .list).routeKey)
        }
    }

    @Test("AWS_LAMBDA_LOG_LEVEL=ERROR drops the warning but never the EMF record; cold_start; Text format stays text")
    func levelAndFormat() async throws {
        let environment = ["AWS_LAMBDA_LOG_LEVEL": "ERROR"]
        try await FunctionUnderTest.with(DefaultRouteFunction.name, environment: environment) { function in
            _ = try await function.invoke(httpEvent(method: "GET", path: "/api/users/"))
            let records = try await Self.records(function, count: 1)
            #expect(records.count == 1)
            #expect(!function.jsonLines.contains { $0["level"] != nil }, "\(function.output.texts)")
            let aws = records.first?.root["_aws"] as? [String: Any]
            #expect((aws?["CloudWatchMetrics"] as? [[String: Any]])?.first?["Namespace"] as? String == "HealthTracker")
        }
        // The first invocation's lines say cold_start true; the service name can be set.
        try await FunctionUnderTest.with(DefaultRouteFunction.name, environment: ["POWERTOOLS_SERVICE_NAME": "api-edge"]) { function in
            let result = try await function.invoke(httpEvent(method: "GET", path: "/api/users/"))
            _ = try await Self.records(function, count: 1)
            let warning = try #require(function.jsonLines.first { $0["level"] as? String == "WARN" }, "\(function.output.texts)")
            #expect(warning["cold_start"] as? Bool == true)
            #expect(warning["service"] as? String == "api-edge")
            #expect(warning["function_request_id"] as? String == result.requestID)
        }
        try await FunctionUnderTest.with(DefaultRouteFunction.name, environment: [:], logFormat: "Text") { function in
            let result = try await function.invoke(httpEvent(method: "GET", path: "/api/users/"))
            _ = try await Self.records(function, count: 1)
            let warning = try #require(function.output.texts.first { $0.contains(" WARN ") }, "\(function.output.texts)")
            #expect(warning.contains(" \(result.requestID) WARN "))
            #expect(!warning.hasPrefix("{"))
        }
    }

    @Test("users, connected as the application role: 201 and 200 with DatabaseTime in the EMF records")
    func usersAsApplicationRole() async throws {
        try await withTestDatabase(migrations: HealthTrackerSchema.migrations) { database in
            let url = database.url(user: HealthTrackerSchema.applicationRole)
            let environment = ["DATABASE_URL": url, "AUTH_MODE": "none", "POWERTOOLS_METRICS_NAMESPACE": Self.namespace]
            try await FunctionUnderTest.with(APIFunction.users.rawValue, environment: environment) { function in
                let email = "emf-\(UUID().uuidString.lowercased())@example.com"
                let created = try httpResponse(try await function.invoke(httpEvent(
                    method: "POST", path: "/api/users/", body: #"{"email": "\#(email)", "full_name": "EMF Test"}"#
                )))
                #expect(created.status == 201, "\(created.body)")
                let listed = try httpResponse(try await function.invoke(httpEvent(method: "GET", path: "/api/users/")))
                #expect(listed.status == 200, "\(listed.body)")

                let records = try await Self.records(function, count: 2)
                try #require(records.count == 2, "\(function.output.texts)")
                for record in records {
                    #expect(EMFSpecification.violations(record.line).isEmpty, "\(EMFSpecification.violations(record.line))")
                    #expect(record.root["function"] as? String == "users")
                    #expect(record.root["Status2xx"] as? Int == 1)
                    #expect((record.root["DatabaseTime"] as? Double ?? 0) > 0)
                    #expect((record.root["DatabaseTime"] as? Double ?? .infinity) <= (record.root["Duration"] as? Double ?? 0))
                }
                #expect(records.map { $0.root["route"] as? String } == [APIRoute.record(.users, .create).routeKey, APIRoute.record(.users, .list).routeKey])
                // No health values or e-mail addresses in any line.
                #expect(!function.output.texts.contains { $0.contains(email) })
            }
        }
    }
}
