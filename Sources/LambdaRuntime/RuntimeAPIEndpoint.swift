/// Where the Runtime API lives, from `AWS_LAMBDA_RUNTIME_API`.
///
/// Lambda sets `host:port`; a base URL with a scheme and a path prefix
/// (`http://127.0.0.1:9000/instances/3`) is accepted too, so one local server can tell
/// its function processes apart.
public struct RuntimeAPIEndpoint: Sendable, Equatable {
    /// `http://host:port[/prefix]/2018-06-01/runtime`, without a trailing slash.
    public let runtimeBaseURL: String

    public init(_ value: String) throws(RuntimeAPIError) {
        var text = value
        while let last = text.last, last == " " || last == "/" || last == "\n" { text.removeLast() }
        while let first = text.first, first == " " { text.removeFirst() }
        if !text.contains("://") { text = "http://" + text }
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw RuntimeAPIError(code: .invalidEndpoint, message: "AWS_LAMBDA_RUNTIME_API must be host:port or an http URL")
        }
        let afterScheme = text[text.firstRange(of: "://")!.upperBound...]
        guard let host = afterScheme.split(separator: "/", maxSplits: 1).first, !host.isEmpty else {
            throw RuntimeAPIError(code: .invalidEndpoint, message: "AWS_LAMBDA_RUNTIME_API has no host")
        }
        runtimeBaseURL = text + "/2018-06-01/runtime"
    }
}
