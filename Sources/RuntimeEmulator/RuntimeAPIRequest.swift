import NIOCore
import NIOHTTP1

/// One complete request from a function process, as the HTTP handler collected it.
struct RuntimeAPIRequest {
    enum Route: Equatable {
        case next
        case response(requestID: String)
        case error(requestID: String)
        case initError
        case unknown
    }

    let method: HTTPMethod
    let uri: String
    let errorTypeHeader: String?
    let body: [UInt8]
    /// The body passed the emulator's size limit and was discarded.
    let oversize: Bool
    let keepAlive: Bool
    let connectionID: Int
    /// Set for a connection on an instance's own port.
    let fixedInstanceID: Int?

    /// The instance (from the `/instances/ID` prefix or the port) and the API call.
    var target: (instanceID: Int?, route: Route) {
        var path = Substring(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var instanceID = fixedInstanceID
        if path.hasPrefix("/instances/") {
            path = path.dropFirst("/instances/".count)
            let id = path.prefix { $0 != "/" }
            instanceID = Int(id)
            path = path.dropFirst(id.count)
        }
        let prefix = "/2018-06-01/runtime/"
        guard path.hasPrefix(prefix) else { return (instanceID, .unknown) }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        switch (method, parts.count, parts.first, parts.last) {
        case (.GET, 2, "invocation", "next"): return (instanceID, .next)
        case (.POST, 3, "invocation", "response"): return (instanceID, .response(requestID: String(parts[1])))
        case (.POST, 3, "invocation", "error"): return (instanceID, .error(requestID: String(parts[1])))
        case (.POST, 2, "init", "error"): return (instanceID, .initError)
        default: return (instanceID, .unknown)
        }
    }
}
