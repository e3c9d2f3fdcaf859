import APIGatewayTesting
import HealthTracker
import LambdaHTTP
import RuntimeEmulator

/// `replay smoke`: each unpacked function zip's bootstrap under the Runtime API emulator
/// must answer payload 2.0 events the router answers by itself (405 with Allow, 400 naming
/// the bad parameter): status, problem+json, and the invocation's request id in the
/// X-Request-Id header and the body; and every shared object the process loaded must be
/// one of glibc's own libraries (the bootstrap is self-contained).
public struct ZipSmokeTest: Sendable {
    /// glibc's libraries (GLIBC_LIBS in scripts/lambda-lib.sh): the only shared objects a process may load.
    public let baseLibraries: [String]
    /// A migrated database: the functions open it at init.
    public let databaseURL: String

    public init(baseLibraries: [String], databaseURL: String) {
        self.baseLibraries = baseLibraries
        self.databaseURL = databaseURL
    }

    /// Checks each directory (an unpacked NAME.zip, named NAME), saying one line per
    /// function; returns how many failed.
    public func run(directories: [String], say: @Sendable (String) -> Void) async throws -> Int {
        let output = FunctionOutputLog()
        let functions = try await ProcessFunctions.start(onOutput: { output.append($0) })
        let client = APIGatewayClient(host: functions, builder: Self.builder)
        var failed = 0
        for directory in directories.map({ $0.hasSuffix("/") ? String($0.dropLast()) : $0 }) {
            let name = String(directory.split(separator: "/").last ?? "")
            // default_route answers from the whole route table, so users' requests (405 with
            // users' Allow, 400 for the uuid) hold for it as they do for users.
            guard let function = APIFunction(rawValue: name) ?? (name == DefaultRouteFunction.name ? .users : nil) else {
                say("zip-smoke: FAIL \(name): not an HTTP function name (\(directory))")
                failed += 1
                continue
            }
            functions.register(FunctionConfiguration(
                name: name, executablePath: directory + "/bootstrap",
                environment: ["DATABASE_URL": databaseURL, "AUTH_MODE": "jwt"],
                memorySizeMB: 256, timeout: .seconds(30), initTimeout: .seconds(30), logFormat: "JSON"
            ))
            do {
                var summaries: [String] = []
                for request in [SmokeRequest.wrongMethod(function), SmokeRequest.malformedUUID(function)].compactMap({ $0 }) {
                    summaries.append(try await check(request, function: name, client: client))
                }
                let loaded = try checkLibraries(pid: functions.livePID(of: name))
                say("zip-smoke: ok   \(name): \(summaries.joined(separator: "; ")); loaded only glibc's \(loaded.joined(separator: " "))")
            } catch {
                failed += 1
                say("zip-smoke: FAIL \(name): \(error)")
                for line in output.last(8, of: name) { say("    \(line)") }
            }
            await functions.emulator.terminateInstances(of: name)
        }
        await functions.shutdown()
        return failed
    }

    /// API Gateway as deployed in us-east-1.
    static let builder = HTTPAPIEventBuilder(apiID: "smoke", domainName: "smoke.execute-api.us-east-1.amazonaws.com")

    /// Sends one request and checks the answer; returns a short account of it.
    private func check(_ request: SmokeRequest, function: String, client: APIGatewayClient) async throws -> String {
        let what = "\(request.method) \(request.path)"
        let exchange: APIGatewayExchange
        do {
            exchange = try await client.send(request.clientRequest, to: function, routeKey: request.routeKey, timeout: .seconds(30))
        } catch let error as APIGatewayTestingError {
            throw ReplayError(.smokeFailed, "\(what): \(error)")
        }
        let response = exchange.response
        func fail(_ message: String) -> ReplayError { ReplayError(.smokeFailed, "\(what): \(message)") }
        guard response.status == request.expectedStatus else {
            throw fail("status \(response.status), expected \(request.expectedStatus): \(String(decoding: response.body, as: UTF8.self))")
        }
        guard response.header("content-type") == MediaType.problemJSON else {
            throw fail("Content-Type \(response.header("content-type") ?? "absent"), expected \(MediaType.problemJSON)")
        }
        guard response.header("x-request-id") == exchange.requestID else {
            throw fail("X-Request-Id \(response.header("x-request-id") ?? "absent"), expected \(exchange.requestID)")
        }
        guard let problem = try? JSONValue.parse(response.body).objectValue else {
            throw fail("the body is not a JSON object")
        }
        guard problem["status"]?.integerValue == request.expectedStatus, problem["request_id"]?.stringValue == exchange.requestID else {
            throw fail("the problem's status or request_id is wrong: \(String(decoding: response.body, as: UTF8.self))")
        }
        var summary = "\(what) \(response.status)"
        if let expected = request.expectedAllow {
            let allow = response.header("allow") ?? ""
            let methods = Set(allow.split(separator: ",").map { String($0.filter { $0 != " " }) })
            guard methods == expected else {
                throw fail("Allow is \"\(allow)\", expected \(expected.sorted().joined(separator: ", "))")
            }
            summary += " Allow: \(allow)"
        }
        if let name = request.expectedInvalidParameter {
            guard case .array(let items) = problem["invalid_params"] else { throw fail("the problem has no invalid_params") }
            let names = items.compactMap { $0.objectValue?["name"]?.stringValue }
            guard names.contains(name) else { throw fail("invalid_params names \(names), expected \(name)") }
            summary += " (\(name))"
        }
        return summary
    }

    /// Every shared object the process mapped must be one of glibc's own libraries: what the
    /// package check proves from the ELF file, here for what the loader really loaded (dlopen
    /// included). Returns the glibc libraries it loaded.
    private func checkLibraries(pid: Int32?) throws -> [String] {
        guard let pid else { throw ReplayError(.smokeFailed, "no live process to inspect") }
        var loaded: [String] = []
        for path in try LoadedLibraries.paths(pid: pid).sorted() {
            let name = String(path.split(separator: "/").last ?? "")
            // The kernel names the file the link resolved to: libc.so.6 may be libc-2.36.so elsewhere.
            guard baseLibraries.contains(where: { name == $0 || name.hasPrefix($0 + ".") }) else {
                throw ReplayError(.smokeFailed, "loaded \(path), which is not one of glibc's own libraries")
            }
            loaded.append(name)
        }
        return loaded
    }
}
