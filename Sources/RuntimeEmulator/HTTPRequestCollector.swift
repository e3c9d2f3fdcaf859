package import NIOHTTP1

/// Gathers one HTTP/1.1 request from NIOHTTP1's parts (the pipeline hands requests over one
/// at a time). A body over the limit is dropped and the request marked oversize, so the
/// caller can answer it instead of buffering without bound. Shared by the Runtime API server
/// and replay's local gateway.
package struct HTTPRequestCollector {
    /// A whole request.
    package struct Request {
        package let head: HTTPRequestHead
        package let body: [UInt8]
        package let oversize: Bool
    }

    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var oversize = false

    package init() {}

    /// Adds one part; the request, once its end has come.
    package mutating func add(_ part: HTTPServerRequestPart, limit: Int) -> Request? {
        switch part {
        case .head(let head):
            self.head = head
            body = []
            oversize = false
        case .body(let buffer):
            if oversize { return nil }
            if body.count + buffer.readableBytes > limit {
                oversize = true
                body = []
            } else {
                body.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            guard let head else { return nil }
            let request = Request(head: head, body: body, oversize: oversize)
            self.head = nil
            body = []
            return request
        }
        return nil
    }
}
