import Essentials
import FoundationEssentials
import HealthTracker
import LambdaHTTP
import UTCTime

/// What one fuzz target feeds its input to. Each run checks what must hold for any input:
/// no crash, no trap, and answers that stay within their bounds.
enum FuzzTarget: String, CaseIterable {
    /// Invocation payloads of all four kinds (HTTP API, Function URL, REST API, ALB),
    /// routed and answered up to the application.
    case events
    /// Request bodies: the first byte picks one of the ten create/patch decoders.
    case bodies
    /// Query strings: list queries, cursors, delete selectors, the score's `as_of`.
    case query
    /// Paths: percent-decoding and routing for every function.
    case paths

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .events: Self.event(bytes)
        case .bodies: Self.body(bytes)
        case .query: Self.query(String(decoding: bytes, as: UTF8.self))
        case .paths: Self.path(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static let routers = APIFunction.allCases.map(\.router)

    private static func event(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let request = try? HTTPRequest(decoding: bytes) else { return }
        _ = request.bodyByteCount
        _ = request.mediaType
        _ = request.cookie("session")
        if let body = try? request.body(), let value = try? JSONValue.parse(body) { roundTrip(value) }
        for router in routers {
            if case .matched(let match) = router.route(request) { _ = match.parameters }
        }
    }

    /// The ten body decoders: creates and patches of the five record types.
    private static func decode(_ selector: UInt8, _ body: JSONValue) throws(RecordValidationError) {
        switch selector % bodyDecoderCount {
        case 0: _ = try BloodTest.decodeCreate(body)
        case 1: _ = try BioMetricReading.decodeCreate(body)
        case 2: _ = try ActivityDay.decodeCreate(body)
        case 3: _ = try SleepNight.decodeCreate(body)
        case 4: _ = try User.decodeCreate(body, userUUID: UUID(uuidString: "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f")!, today: CalendarDate("2026-01-01")!)
        case 5: _ = try BloodTest.decodePatch(body)
        case 6: _ = try BioMetricReading.decodePatch(body)
        case 7: _ = try ActivityDay.decodePatch(body)
        case 8: _ = try SleepNight.decodePatch(body)
        default: _ = try User.decodePatch(body)
        }
    }

    private static func body(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let selector = bytes.first else { return }
        let text = UnsafeBufferPointer(rebasing: bytes.dropFirst())
        // Any depth first: whatever parses must print and parse back to itself.
        if let value = try? JSONValue.parse(text) { roundTrip(value) }
        let body: JSONValue
        do {
            body = try JSONValue.parse(text, maxDepth: 1)
        } catch {
            if error.code == .duplicateMember, error.member == nil { fatalError("a duplicate member without its name") }
            return
        }
        do {
            try decode(selector, body)
        } catch {
            // The problem document a client would get stays small, whatever it sent.
            let size = Problem(.validation, invalidParams: error.issues.map { InvalidParameter(name: $0.name, reason: $0.reason) }).jsonBytes.count
            if size > 1 << 20 { fatalError("a problem document of \(size) bytes") }
        }
    }

    private static func query(_ text: String) {
        let query = QueryParameters(encoded: text)
        var values: [String: String] = [:]
        for name in query.names { values[name] = query.values(for: name).joined(separator: ",") }
        for resource in RecordResource.allCases {
            _ = try? ListQuery.parse(values, resource: resource)
            _ = try? DeleteSelector.parse(values, resource: resource)
            if let token = values["cursor"] { _ = ListCursor(token: token, resource: resource) }
            _ = ListCursor(token: text, resource: resource)
        }
        _ = try? HealthScoreQuery(query, now: Instant(millisecondsSinceEpoch: 1_767_225_600_000))
    }

    private static func path(_ text: String) {
        let decoded = text.percentDecoded() ?? text
        for router in routers {
            for method in ["GET", "POST", "PATCH", "PUT", "DELETE"] {
                _ = router.route(method: HTTPMethod(rawValue: method), path: decoded)
            }
        }
    }

    /// A parsed value printed as JSON parses back to an equal value.
    private static func roundTrip(_ value: JSONValue) {
        let text = value.jsonText
        guard let again = try? JSONValue.parse(Array(text.utf8)) else { fatalError("printed JSON does not parse: \(text.prefix(200))") }
        if again != value { fatalError("printed JSON parses to another value: \(text.prefix(200))") }
    }
}
