public import LambdaHTTP
public import RuntimeEmulator

/// An invocation's outcome as replay files store it: the response payload with a JSON body
/// parsed (under `json`, replacing `body`), or the failure, with volatile values masked.
///
/// Volatile: the `X-Request-Id`, `apigw-requestid` and `Date` headers; members named
/// `request_id`, `requestId`, `created_at`, `updated_at`; and any UUID that the event does
/// not contain (one the function generated), also inside strings such as `Location`; and the
/// day the function's clock called today, where the event does not hold it (`ClockDays`).
public enum StoredOutcome {
    public static let volatileHeaders: Set<String> = ["x-request-id", "apigw-requestid", "date", "consistency-token"]
    public static let volatileMembers: Set<String> = ["request_id", "requestId", "created_at", "updated_at"]
    public static let maskedValue = "<volatile>"
    public static let maskedUUID = "<uuid>"

    /// The stored form of an outcome for the given event text.
    public static func make(_ outcome: InvocationOutcome, eventText: String, clockDays: ClockDays) -> JSONValue {
        let raw: JSONValue
        switch outcome {
        case .response(let payload):
            if let document = (try? JSONValue.parse(payload))?.sortingMembers(), document.objectValue != nil {
                raw = withParsedBody(document)
            } else {
                raw = .object(["rawPayload": .string(String(decoding: payload, as: UTF8.self))])
            }
        case .functionError(let posted):
            raw = .object(["outcome": .string("functionError"), "errorType": .string(posted.report.errorType)])
        case .initError(let posted, _):
            raw = .object(["outcome": .string("initError"), "errorType": .string(posted.report.errorType)])
        case .processExited:
            raw = .object(["outcome": .string("processExited")])
        case .timedOut:
            raw = .object(["outcome": .string("timedOut")])
        case .launchFailed:
            raw = .object(["outcome": .string("launchFailed")])
        case .emulatorShutDown:
            raw = .object(["outcome": .string("emulatorShutDown")])
        }
        return normalised(raw, eventText: eventText, clockDays: clockDays)
    }

    /// Masks volatile values; applying it twice changes nothing.
    public static func normalised(_ record: JSONValue, eventText: String, clockDays: ClockDays) -> JSONValue {
        let masks = Masks(knownUUIDs: Set(UUIDText.all(in: eventText.lowercased())), clockDays: clockDays, eventText: eventText)
        return mask(record, masks, inHeaders: false)
    }

    private struct Masks {
        let knownUUIDs: Set<String>
        let clockDays: ClockDays
        let eventText: String
    }

    private static func withParsedBody(_ document: JSONValue) -> JSONValue {
        guard var members = document.objectValue else { return document }
        if let text = members["body"]?.stringValue, document["isBase64Encoded"] != .bool(true), !text.isEmpty,
           let parsed = try? JSONValue.parse(Array(text.utf8)) {
            members["body"] = nil
            members["json"] = parsed
        }
        return JSONValue.object(members).sortingMembers()
    }

    private static func mask(_ value: JSONValue, _ masks: Masks, inHeaders: Bool) -> JSONValue {
        switch value {
        case .string(let text):
            let withoutUUIDs = UUIDText.replacing(in: text, except: masks.knownUUIDs, with: maskedUUID)
            return .string(masks.clockDays.masking(withoutUUIDs, eventText: masks.eventText))
        case .array(let items):
            return .array(items.map { mask($0, masks, inHeaders: false) })
        case .object(let members):
            return .object(JSONObject(members.map { key, member -> JSONObject.Member in
                if inHeaders, volatileHeaders.contains(key.lowercased()) { return (key, .string(maskedValue)) }
                if volatileMembers.contains(key), member != .null { return (key, .string(maskedValue)) }
                return (key, mask(member, masks, inHeaders: key == "headers"))
            }))
        default:
            return value
        }
    }
}
