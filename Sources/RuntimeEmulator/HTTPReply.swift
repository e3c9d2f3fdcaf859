import NIOCore
import NIOHTTP1

/// An HTTP answer to write on a connection.
struct HTTPReply {
    let channel: any Channel
    let keepAlive: Bool
    let status: HTTPResponseStatus
    var headers: [(String, String)] = []
    let body: [UInt8]
    var delay: Duration? = nil
}
