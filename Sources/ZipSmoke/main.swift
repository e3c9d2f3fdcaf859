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
// the X-Request-Id header and the body. Also checks that every library in the zip's lib/
// that the process loaded came from that lib/, not from the system.
//
//   zip-smoke DIR...     each DIR an unpacked NAME.zip, named NAME (a function name)
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

let directories = CommandLine.arguments.dropFirst().map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
guard !directories.isEmpty, let databaseURL = environmentValue("DATABASE_URL") else {
    say("usage: DATABASE_URL=... zip-smoke DIR...   (DIR: an unpacked NAME.zip)")
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

/// Sends one request and checks the answer; returns a short account of it.
func check(_ request: SmokeRequest, function: String) async throws -> (summary: String, instanceID: Int?) {
    let result = try await emulator.invoke(request.eventJSON, function: function, timeout: .seconds(30))
    guard let payload = result.responseBytes else {
        throw SmokeFailure("\(request.method) \(request.path): \(result.outcome)")
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

/// Every file of lib/ that the process mapped must be mapped from lib/.
func checkLibraries(directory: String, function: String) throws -> Int {
    let libDirectory = directory + "/lib"
    let bundled = Set((try? FileManager.default.contentsOfDirectory(atPath: libDirectory)) ?? [])
    guard let pid = emulator.instances(of: function).first(where: \.isAlive)?.pid else {
        throw SmokeFailure("no live process to inspect")
    }
    var fromZip = 0
    for path in try LoadedLibraries.paths(pid: pid) {
        let name = String(path.split(separator: "/").last ?? "")
        guard bundled.contains(name) else { continue }
        guard path == libDirectory + "/" + name else {
            throw SmokeFailure("\(name) was loaded from \(path), not from the zip's lib/")
        }
        fromZip += 1
    }
    guard bundled.isEmpty || fromZip > 0 else { throw SmokeFailure("none of lib/'s \(bundled.count) files was loaded") }
    return fromZip
}

var failed = 0
for directory in directories {
    let name = String(directory.split(separator: "/").last ?? "")
    guard let function = APIFunction(rawValue: name) else {
        say("zip-smoke: FAIL \(name): not a function name (\(directory))")
        failed += 1
        continue
    }
    emulator.register(FunctionConfiguration(
        name: name, executablePath: directory + "/bootstrap",
        environment: ["DATABASE_URL": databaseURL, "LD_LIBRARY_PATH": directory + "/lib", "AUTH_MODE": "jwt"],
        memorySizeMB: 256, timeout: .seconds(30), initTimeout: .seconds(30), logFormat: "JSON"
    ))
    do {
        var summaries: [String] = []
        for request in [SmokeRequest.wrongMethod(function), SmokeRequest.malformedUUID(function)].compactMap({ $0 }) {
            summaries.append(try await check(request, function: name).summary)
        }
        let loaded = try checkLibraries(directory: directory, function: name)
        say("zip-smoke: ok   \(name): \(summaries.joined(separator: "; ")); \(loaded) libraries from lib/")
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
