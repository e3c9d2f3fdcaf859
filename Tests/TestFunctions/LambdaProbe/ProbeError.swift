/// Errors the probe throws on purpose.
enum ProbeError: Error, CustomStringConvertible {
    /// The `throw` action: a message with every character class JSON must survive.
    case requested(String)
    case undecodableEvent
    case unknownAction(String)

    /// Quotes, backslash, newlines, a tab, a control character, emoji and non-Latin text.
    static let awkwardMessage = "He said \"no\" \\ then left\nline two\r\n\ttabbed \u{01} 🚀🧪 Привет, 世界 — ½"

    var description: String {
        switch self {
        case .requested(let message): message
        case .undecodableEvent: "the event is not a flat JSON object"
        case .unknownAction(let action): "unknown action \(action)"
        }
    }
}
