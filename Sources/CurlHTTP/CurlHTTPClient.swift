import CCurl

/// A blocking HTTP/1.1 client over one libcurl easy handle.
///
/// The handle is reused for every request so libcurl keeps the TCP connection alive
/// between them: on Lambda that is one connection to the Runtime API for the life of
/// the process. Not thread-safe; one owner at a time.
public final class CurlHTTPClient {
    private let handle: UnsafeMutableRawPointer
    private let connectTimeoutMilliseconds: Int

    /// - Parameter connectTimeoutMilliseconds: limit on opening a TCP connection.
    public init(connectTimeoutMilliseconds: Int = 1000) throws(CurlHTTPError) {
        CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw CurlHTTPError(code: .setup, message: "curl_easy_init failed")
        }
        self.handle = handle
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Sends the request and reads the whole response. Any HTTP status is a response;
    /// only transport failures throw.
    public func perform(_ request: CurlHTTPRequest) throws(CurlHTTPError) -> CurlHTTPResponse {
        // reset clears options but keeps live connections and the DNS cache.
        curl_easy_reset(handle)
        let sink = ResponseSink()
        let sinkPointer = Unmanaged.passRetained(sink)
        defer { sinkPointer.release() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        // No `Expect: 100-continue` round trip before a body.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = curl_slist_append(headerList, line)
        }

        try check(ccurl_setopt_string(handle, CURLOPT_URL, request.url))
        try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method))
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
        try check(ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        // Local endpoints only: an inherited HTTP_PROXY must never reroute them.
        try check(ccurl_setopt_string(handle, CURLOPT_NOPROXY, "*"))
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMilliseconds))
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.timeoutMilliseconds ?? 0))
        try check(ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, ResponseSink.bodyCallback))
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer.toOpaque()))
        try check(ccurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, ResponseSink.headerCallback))
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer.toOpaque()))

        let code: CURLcode = request.body.withUnsafeBytes { body in
            if request.method != "GET" && request.method != "HEAD" {
                // POSTFIELDS with an explicit size: binary-safe and not copied.
                _ = ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                _ = ccurl_setopt_pointer(
                    handle, CURLOPT_POSTFIELDS,
                    UnsafeMutableRawPointer(mutating: body.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)
                )
            }
            return curl_easy_perform(handle)
        }
        try check(code)

        var status = 0
        try check(ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status))
        return CurlHTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    /// Number of new TCP connections the last transfer opened (0 when one was reused).
    public var connectionsOpenedByLastTransfer: Int {
        var count = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &count)
        return count
    }

    private func check(_ code: CURLcode) throws(CurlHTTPError) {
        guard code != CURLE_OK else { return }
        let text = String(cString: curl_easy_strerror(code))
        let kind: CurlHTTPError.Code = switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST: .couldNotConnect
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: .connectionLost
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_UNKNOWN_OPTION,
             CURLE_BAD_FUNCTION_ARGUMENT, CURLE_OUT_OF_MEMORY: .setup
        default: .other
        }
        throw CurlHTTPError(code: kind, message: "\(text) (curl \(code.rawValue))")
    }
}

/// Collects one response's header lines and body from libcurl's callbacks.
private final class ResponseSink {
    var headers: [(name: String, value: String)] = []
    var body: [UInt8] = []

    static let bodyCallback: ccurl_write_callback = { data, size, count, context in
        let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        if let data { sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length)) }
        return length
    }

    static let headerCallback: ccurl_write_callback = { data, size, count, context in
        let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        guard let data else { return length }
        // Parsed as bytes: this runs for every header of every Runtime API call.
        let line = UnsafeRawBufferPointer(start: data, count: length)
        if line.starts(with: "HTTP/".utf8) {
            // A new status line (after a 100 Continue or a redirect): keep only the final response's headers.
            sink.headers.removeAll(keepingCapacity: true)
            return length
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return length }
        var start = colon + 1
        var end = length
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, [0x20, 0x09, 0x0D, 0x0A].contains(line[end - 1]) { end -= 1 }
        sink.headers.append((
            String(decoding: UnsafeRawBufferPointer(rebasing: line[..<colon]), as: UTF8.self),
            String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        ))
        return length
    }
}
