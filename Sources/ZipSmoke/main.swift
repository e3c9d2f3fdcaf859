import CGlibcCompat
import FoundationEssentials
import HealthTracker
import LambdaHTTP
import RuntimeEmulator
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

// Runs each unpacked function zip's bootstrap under the Runtime API emulator and checks
// that it answers payload 2.0 events the router answers by itself (405 with Allow, 400
// naming the bad parameter): status, problem+json, and the invocation's request id in
// the X-Request-Id header and the body; and that every shared object the process loaded
// is one of glibc's own libraries (the bootstrap is self-contained).
//
//   zip-smoke --base-libraries SONAME,... DIR...
//
// DIR: an unpacked NAME.zip, named NAME (a function name). SONAME,...: glibc's libraries
// (GLIBC_LIBS in scripts/lambda-lib.sh), the only shared objects a process may load.
//
// The functions open the database at init: DATABASE_URL must name a migrated database.
// One line per function; exits 1 if any failed. scripts/smoke-zips drives it.

func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// One line on standard output, unbuffered (the C `stdout` global is not concurrency-safe to touch).
func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
let baseLibraries: [String] = arguments.count >= 2 && arguments[0] == "--base-libraries"
    ? arguments[1].split(separator: ",").map(String.init) : []
let directories = arguments.dropFirst(baseLibraries.isEmpty ? 0 : 2).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
guard !directories.isEmpty, !baseLibraries.isEmpty, let databaseURL = environmentValue("DATABASE_URL") else {
    say("usage: DATABASE_URL=... zip-smoke --base-libraries SONAME,... DIR...   (DIR: an unpacked NAME.zip)")
    exit(2)
}

/// What the function processes wrote, kept to show on failure.
final class OutputLog: Sendable {
    private let lines = Mutex<[FunctionOutputLine]>([])
    func append(_ line: FunctionOutputLine) { lines.withLock { $0.append(line) } }
    func last(_ count: Int, of function: String) -> [String] {
        lines.withLock { Array($0.filter { $0.function == function }.suffix(count).map(\.text)) }
    }
}

let output = OutputLog()
let emulator: RuntimeEmulator
do {
    emulator = try await RuntimeEmulator.start(onOutput: { output.append($0) })
} catch {
    say("zip-smoke: cannot start the emulator: \(error)")
    exit(1)
}

/// An outcome other than a response, in one line (without the raw error body).
func describe(_ outcome: InvocationOutcome) -> String {
    switch outcome {
    case .initError(let report, let exit): "init error \(report.errorType): \(report.errorMessage) (\(exit))"
    case .functionError(let report): "function error \(report.errorType): \(report.errorMessage)"
    default: "\(outcome)"
    }
}

/// Sends one request and checks the answer; returns a short account of it.
func check(_ request: SmokeRequest, function: String) async throws -> (summary: String, instanceID: Int?) {
    let result = try await emulator.invoke(request.eventJSON, function: function, timeout: .seconds(30))
    guard let payload = result.responseBytes else {
        throw SmokeFailure("\(request.method) \(request.path): \(describe(result.outcome))")
    }
    let response = try SmokeResponse(payload)
    let what = "\(request.method) \(request.path)"
    guard response.statusCode == request.expectedStatus else {
        throw SmokeFailure("\(what): status \(response.statusCode), expected \(request.expectedStatus): \(String(decoding: response.body, as: UTF8.self))")
    }
    guard response.headers["content-type"] == MediaType.problemJSON else {
        throw SmokeFailure("\(what): Content-Type \(response.headers["content-type"] ?? "absent"), expected \(MediaType.problemJSON)")
    }
    guard response.headers["x-request-id"] == result.requestID else {
        throw SmokeFailure("\(what): X-Request-Id \(response.headers["x-request-id"] ?? "absent"), expected \(result.requestID)")
    }
    guard let problem = try? JSONValue.parse(response.body).objectValue else {
        throw SmokeFailure("\(what): the body is not a JSON object")
    }
    guard problem["status"]?.integerValue == request.expectedStatus, problem["request_id"]?.stringValue == result.requestID else {
        throw SmokeFailure("\(what): the problem's status or request_id is wrong: \(String(decoding: response.body, as: UTF8.self))")
    }
    var summary = "\(what) \(response.statusCode)"
    if let expected = request.expectedAllow {
        let allow = response.headers["allow"] ?? ""
        let methods = Set(allow.split(separator: ",").map { String($0.filter { $0 != " " }) })
        guard methods == expected else {
            throw SmokeFailure("\(what): Allow is \"\(allow)\", expected \(expected.sorted().joined(separator: ", "))")
        }
        summary += " Allow: \(allow)"
    }
    if let name = request.expectedInvalidParameter {
        guard case .array(let items) = problem["invalid_params"] else {
            throw SmokeFailure("\(what): the problem has no invalid_params")
        }
        let names = items.compactMap { $0.objectValue?["name"]?.stringValue }
        guard names.contains(name) else {
            throw SmokeFailure("\(what): invalid_params names \(names), expected \(name)")
        }
        summary += " (\(name))"
    }
    return (summary, result.instanceID)
}

/// Every shared object the process mapped must be one of glibc's own libraries: what the
/// package check proves from the ELF file, here for what the loader really loaded (dlopen
/// included). Returns the glibc libraries it loaded.
func checkLibraries(function: String) throws -> [String] {
    guard let pid = emulator.instances(of: function).first(where: \.isAlive)?.pid else {
        throw SmokeFailure("no live process to inspect")
    }
    var loaded: [String] = []
    for path in try LoadedLibraries.paths(pid: pid).sorted() {
        let name = String(path.split(separator: "/").last ?? "")
        // The kernel names the file the link resolved to: libc.so.6 may be libc-2.36.so elsewhere.
        guard baseLibraries.contains(where: { name == $0 || name.hasPrefix($0 + ".") }) else {
            throw SmokeFailure("loaded \(path), which is not one of glibc's own libraries")
        }
        loaded.append(name)
    }
    return loaded
}

var failed = 0
for directory in directories {
    let name = String(directory.split(separator: "/").last ?? "")
    // default_route answers from the whole route table, so users' requests (405 with
    // users' Allow, 400 for the uuid) hold for it as they do for users.
    guard let function = APIFunction(rawValue: name) ?? (name == DefaultRouteFunction.name ? .users : nil) else {
        say("zip-smoke: FAIL \(name): not an HTTP function name (\(directory))")
        failed += 1
        continue
    }
    emulator.register(FunctionConfiguration(
        name: name, executablePath: directory + "/bootstrap",
        environment: ["DATABASE_URL": databaseURL, "AUTH_MODE": "jwt"],
        memorySizeMB: 256, timeout: .seconds(30), initTimeout: .seconds(30), logFormat: "JSON"
    ))
    do {
        var summaries: [String] = []
        for request in [SmokeRequest.wrongMethod(function), SmokeRequest.malformedUUID(function)].compactMap({ $0 }) {
            summaries.append(try await check(request, function: name).summary)
        }
        let loaded = try checkLibraries(function: name)
        say("zip-smoke: ok   \(name): \(summaries.joined(separator: "; ")); loaded only glibc's \(loaded.joined(separator: " "))")
    } catch {
        failed += 1
        say("zip-smoke: FAIL \(name): \(error)")
        for line in output.last(8, of: name) { say("    \(line)") }
    }
    await emulator.terminateInstances(of: name)
}
await emulator.shutdown()
say("zip-smoke: \(directories.count - failed) passed, \(failed) failed")
exit(failed == 0 ? 0 : 1)
