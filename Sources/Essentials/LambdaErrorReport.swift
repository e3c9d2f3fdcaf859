/// The error document the Runtime API takes on `/invocation/{id}/error` and `/init/error`:
/// what the runtime posts, and what the emulator reads back from what a function posted.
public struct LambdaErrorReport: Sendable, Equatable {
    /// Also sent as `Lambda-Runtime-Function-Error-Type`.
    public let errorType: String
    public let errorMessage: String

    public init(errorType: String, errorMessage: String) {
        self.errorType = errorType
        self.errorMessage = errorMessage
    }

    /// A report for a thrown Swift error: its type name and its description.
    public init(for error: any Error) {
        self.init(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
    }

    /// `{"errorType":…,"errorMessage":…,"stackTrace":[]}`, valid JSON for any message.
    public var json: [UInt8] {
        var writer = JSONWriter(capacity: errorType.utf8.count + errorMessage.utf8.count + 48)
        writer.beginObject()
        writer.member("errorType", errorType)
        writer.member("errorMessage", errorMessage)
        writer.name("stackTrace")
        writer.beginArray()
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    /// The header value: one line of printable ASCII, whatever the type name holds.
    package var headerValue: String {
        let cleaned = errorType.unicodeScalars.map { scalar -> Character in
            scalar.value >= 0x20 && scalar.value < 0x7F ? Character(scalar) : "_"
        }
        return cleaned.isEmpty ? "Unknown" : String(cleaned)
    }
}
