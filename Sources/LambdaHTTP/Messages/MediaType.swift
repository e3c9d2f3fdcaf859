/// Content-Type checks.
public enum MediaType {
    public static let json = "application/json"
    public static let problemJSON = "application/problem+json"

    /// `Application/JSON; charset=utf-8` gives `application/json`.
    public static func essence(_ contentType: String) -> String {
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(type).trimmingASCIISpaces.lowercased()
    }

    public static func isJSON(_ contentType: String) -> Bool {
        essence(contentType) == json
    }

    /// Whether a body of this type is text, to be sent as is rather than base64.
    public static func isText(_ contentType: String) -> Bool {
        let type = essence(contentType)
        if type.hasPrefix("text/") || type.hasSuffix("+json") || type.hasSuffix("+xml") { return true }
        return [
            "application/json", "application/xml", "application/javascript", "application/ecmascript",
            "application/x-www-form-urlencoded", "application/yaml", "application/x-yaml",
        ].contains(type)
    }
}
