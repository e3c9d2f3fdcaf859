import APIGatewayTesting
public import LambdaHTTP
import FoundationEssentials
import HealthTracker

/// One file of `replay run`: SQL to seed a fresh database, then events delivered in order,
/// each with the outcome expected beside it (functions/README.md).
public struct ReplayCase: Sendable {
    public struct Step: Sendable {
        /// The function to invoke; when nil, the one whose route the event's `routeKey` names.
        public var function: String?
        public var event: JSONValue
        /// Nil until `replay run --update` or `serve --record` fills it.
        public var expected: JSONValue?

        public init(function: String? = nil, event: JSONValue, expected: JSONValue? = nil) {
            self.function = function
            self.event = event
            self.expected = expected
        }
    }

    public var description: String?
    /// `AUTH_MODE` the functions run with for this file: `jwt` (the default; events carry
    /// the authorizer's claims) or `none` (recorded by `serve` without `--jwt-secret`).
    public var authMode: String
    /// SQL scripts run in order after the reset, before the first step.
    public var seed: [String]
    public var steps: [Step]

    public init(description: String? = nil, authMode: String = "jwt", seed: [String] = [], steps: [Step]) {
        self.description = description
        self.authMode = authMode
        self.seed = seed
        self.steps = steps
    }

    public init(parsing bytes: [UInt8]) throws(ReplayError) {
        let document: JSONValue
        do { document = try JSONValue.parse(bytes).sortingMembers() } catch {
            throw ReplayError(.invalidReplayFile, "not JSON: \(error.message)")
        }
        guard document.objectValue != nil else { throw ReplayError(.invalidReplayFile, "a replay file is a JSON object") }
        // A bare event is a file of one step.
        guard let steps = document["steps"]?.arrayValue else {
            self.init(steps: [Step(event: document)])
            return
        }
        var parsed: [Step] = []
        for (index, step) in steps.enumerated() {
            guard let event = step["event"], event.objectValue != nil else {
                throw ReplayError(.invalidReplayFile, "step \(index + 1) has no \"event\" object")
            }
            parsed.append(Step(function: step["function"]?.stringValue, event: event, expected: step["expected"]))
        }
        var seed: [String] = []
        for item in document["seed"]?.arrayValue ?? [] {
            guard let sql = item.stringValue else { throw ReplayError(.invalidReplayFile, "\"seed\" holds SQL strings") }
            seed.append(sql)
        }
        let authMode = document["authMode"]?.stringValue ?? "jwt"
        guard authMode == "jwt" || authMode == "none" else { throw ReplayError(.invalidReplayFile, "\"authMode\" is jwt or none") }
        self.init(description: document["description"]?.stringValue, authMode: authMode, seed: seed, steps: parsed)
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if let description { members.append(("description", .string(description))) }
        if authMode != "jwt" { members.append(("authMode", .string(authMode))) }
        if !seed.isEmpty { members.append(("seed", .array(seed.map { .string($0) }))) }
        members.append(("steps", .array(steps.map { step in
            var fields: [(String, JSONValue)] = []
            if let function = step.function { fields.append(("function", .string(function))) }
            fields.append(("event", step.event))
            if let expected = step.expected { fields.append(("expected", expected)) }
            return .object(JSONObject(fields))
        })))
        return .object(JSONObject(members))
    }

    /// The function a step goes to: its own, else its route's, else `fallback` (the folder's).
    public static func function(for step: Step, fallback: String?) -> String? {
        if let function = step.function { return function }
        if let key = step.event["routeKey"]?.stringValue ?? step.event["requestContext"]?["routeKey"]?.stringValue {
            let trimmed = key.hasSuffix("/") && key.count > 1 ? String(key.dropLast()) : key
            if let route = APIRoute.allCases.first(where: { route in
                let own = route.routeKey
                return own == key || (own.hasSuffix("/") ? String(own.dropLast()) : own) == trimmed
            }) {
                return route.function.rawValue
            }
        }
        return fallback
    }
}
