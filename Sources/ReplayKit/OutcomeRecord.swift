public import APIGatewayTesting
import LambdaHTTP
public import RuntimeEmulator

/// An invocation's outcome as replay files store it: the response payload with a JSON body
/// parsed (under `json`, replacing `body`), or the failure, with volatile values masked.
///
/// Volatile: the `X-Request-Id`, `apigw-requestid` and `Date` headers; members named
/// `request_id`, `requestId`, `created_at`, `updated_at`; and any UUID that the event does
/// not contain (one the function generated), also inside strings such as `Location`; and the
/// day the function's clock called today, where the event does not hold it (`ClockDays`).
public enum OutcomeRecord {
    public static let volatileHeaders: Set<String> = ["x-request-id", "apigw-requestid", "date"]
    public static let volatileMembers: Set<String> = ["request_id", "requestId", "created_at", "updated_at"]
    public static let maskedValue = "<volatile>"
    public static let maskedUUID = "<uuid>"

    /// The stored form of an outcome for the given event text.
    public static func make(_ outcome: InvocationOutcome, eventText: String, clockDays: ClockDays) -> ReplayJSON {
        let raw: ReplayJSON
        switch outcome {
        case .response(let payload):
            if let document = try? ReplayJSON.parse(payload), document.objectMembers != nil {
                raw = withParsedBody(document)
            } else {
                raw = .object([("rawPayload", .string(String(decoding: payload, as: UTF8.self)))])
            }
        case .functionError(let report):
            raw = .object([("outcome", .string("functionError")), ("errorType", .string(report.errorType))])
        case .initError(let report, _):
            raw = .object([("outcome", .string("initError")), ("errorType", .string(report.errorType))])
        case .processExited:
            raw = .object([("outcome", .string("processExited"))])
        case .timedOut:
            raw = .object([("outcome", .string("timedOut"))])
        case .launchFailed:
            raw = .object([("outcome", .string("launchFailed"))])
        case .emulatorShutDown:
            raw = .object([("outcome", .string("emulatorShutDown"))])
        }
        return normalised(raw, eventText: eventText, clockDays: clockDays)
    }

    /// Masks volatile values; applying it twice changes nothing.
    public static func normalised(_ record: ReplayJSON, eventText: String, clockDays: ClockDays) -> ReplayJSON {
        let masks = Masks(knownUUIDs: Set(UUIDText.all(in: eventText.lowercased())), clockDays: clockDays, eventText: eventText)
        return mask(record, masks, inHeaders: false)
    }

    private struct Masks {
        let knownUUIDs: Set<String>
        let clockDays: ClockDays
        let eventText: String
    }

    private static func withParsedBody(_ document: ReplayJSON) -> ReplayJSON {
        guard var members = document.objectMembers else { return document }
        if let index = members.firstIndex(where: { $0.0 == "body" }), let text = members[index].1.stringValue,
           document["isBase64Encoded"] != .bool(true), !text.isEmpty,
           let parsed = try? ReplayJSON.parse(Array(text.utf8)) {
            members[index] = ("json", parsed)
        }
        return .object(members.sorted { $0.0 < $1.0 })
    }

    private static func mask(_ value: ReplayJSON, _ masks: Masks, inHeaders: Bool) -> ReplayJSON {
        switch value {
        case .string(let text):
            let withoutUUIDs = UUIDText.replacing(in: text, except: masks.knownUUIDs, with: maskedUUID)
            return .string(masks.clockDays.masking(withoutUUIDs, eventText: masks.eventText))
        case .array(let items):
            return .array(items.map { mask($0, masks, inHeaders: false) })
        case .object(let members):
            return .object(members.map { key, member in
                if inHeaders, volatileHeaders.contains(key.lowercased()) { return (key, .string(maskedValue)) }
                if volatileMembers.contains(key), member != .null { return (key, .string(maskedValue)) }
                return (key, mask(member, masks, inHeaders: key == "headers"))
            })
        default:
            return value
        }
    }
}
