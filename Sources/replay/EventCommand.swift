import APIGatewayTesting
import ArgumentParser
import Essentials
import HealthTracker
import LambdaHTTP
import ReplayKit

/// `replay event METHOD PATH`: the v2 event API Gateway would send for a request.
struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Print the API Gateway HTTP API (payload 2.0) event for a request.",
        discussion: "The route and routeKey come from the deployed route table; a request no route matches gets the $default route's event (routeKey $default), which default_route answers. A body given without a Content-Type header is sent as application/json."
    )

    @Argument(help: "GET, POST, PATCH, DELETE...")
    var method: String

    @Argument(help: "The path, optionally with ?query.")
    var path: String

    @Option(help: "The body: JSON text, or @FILE.")
    var body: String?

    @Option(name: .customLong("header"), help: "A header, K:V (repeatable).")
    var headers: [String] = []

    @Option(name: .customLong("query"), help: "A query parameter, K=V (repeatable).")
    var query: [String] = []

    @Option(help: "JWT claims as a JSON object, as the authorizer would pass them.")
    var claims: String?

    func run() async throws {
        var request = ClientRequest(method: method, target: path)
        for header in headers {
            guard let colon = header.firstIndex(of: ":") else { throw ValidationError("--header takes K:V, not \(header)") }
            request.headers.append((String(header[..<colon]), String(header[header.index(after: colon)...].drop { $0 == " " })))
        }
        var extra: [String] = []
        for item in query {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            extra.append(String(parts[0]).percentEncoded + "=" + (parts.count > 1 ? String(parts[1]).percentEncoded : ""))
        }
        if !extra.isEmpty {
            request.rawQuery = ([request.rawQuery].filter { !$0.isEmpty } + extra).joined(separator: "&")
        }
        if let body {
            request.body = body.hasPrefix("@") ? try FileText.read(String(body.dropFirst())) : Array(body.utf8)
            if request.header("content-type") == nil { request.headers.append(("content-type", "application/json")) }
        }
        if let claims {
            guard let members = (try? JSONValue.parse(Array(claims.utf8)))?.sortingMembers().objectValue else {
                throw ValidationError("--claims takes a JSON object")
            }
            request.claims = members
        }
        request.headers.insert(("user-agent", "replay"), at: 0)
        guard let match = GatewayRouteTable().match(method: request.method, path: request.path) else {
            Output.err("replay: no route for \(request.method) \(request.path): API Gateway sends it to the $default route (\(DefaultRouteFunction.name))\n")
            Output.out(HTTPAPIEventBuilder().event(for: request, routeKey: "$default").prettyText)
            return
        }
        Output.out(HTTPAPIEventBuilder().event(for: request, routeKey: match.routeKey, pathParameters: match.pathParameters).prettyText)
    }
}
