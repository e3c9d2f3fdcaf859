// An HTTP API function for replay's tests. It answers every route with what it received,
// and misbehaves when the query asks: `?action=crash` aborts mid-request, `?action=sleep&ms=N`
// sleeps, `?action=throw` reports a function error, `?action=garbage` returns a payload
// API Gateway cannot read.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Essentials
import LambdaHTTP
import LambdaRuntime

struct TestFunctionError: Error {}

struct TestFunctionHandler: ConcurrentLambdaHandler {
    mutating func handle(_ event: [UInt8], context: LambdaContext) throws -> [UInt8] {
        let request = try HTTPRequest(decoding: event)
        switch request.query["action"] ?? "" {
        case "crash":
            abort()
        case "throw":
            throw TestFunctionError()
        case "garbage":
            return Array("not json".utf8)
        case "sleep":
            let milliseconds = Int(request.query["ms"] ?? "0") ?? 0
            var wait = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
            var remaining = timespec()
            while nanosleep(&wait, &remaining) != 0 && errno == EINTR { wait = remaining }
        default:
            break
        }
        context.logger.info("answered", ["route": request.context.routeKey ?? "-"])
        let body = "{\"method\":" + JSONWriter.quoted(request.method.rawValue)
            + ",\"path\":" + JSONWriter.quoted(request.path)
            + ",\"routeKey\":" + JSONWriter.quoted(request.context.routeKey ?? "")
            + ",\"marker\":" + JSONWriter.quoted(request.query["marker"] ?? "")
            + ",\"body\":" + JSONWriter.quoted(String(decoding: (try? request.body()) ?? [], as: UTF8.self))
            + ",\"sub\":" + JSONWriter.quoted(request.context.claims["sub"] ?? "")
            + ",\"pid\":\(getpid())}"
        return HTTPResponse.json(bytes: Array(body.utf8)).encoded(as: request.responseShape)
    }
}

Lambda.run { _ in TestFunctionHandler() }
