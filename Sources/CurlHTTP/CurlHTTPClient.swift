import CCurl

/// A blocking HTTP/1.1 client over one libcurl easy handle.
///
/// The handle is reused for every request so libcurl keeps the TCP connection alive
/// between them: on Lambda that is one connection to the Runtime API for the life of
/// the process. Not thread-safe; one owner at a time.
public final class CurlHTTPClient {
    private let handle: UnsafeMutableRawPointer
    /// Owned by the client and registered with the handle once; emptied before each transfer.
    private let sink = ResponseSink()
    /// The header list of a request without headers of its own: only the `Expect:` suppression.
    private let expectSuppression: UnsafeMutablePointer<curl_slist>
    /// What the handle is set to now, so a request sets only what differs from the last one.
    private var currentTimeoutMilliseconds = 0
    private var currentCustomMethod: String?

    /// - Parameter connectTimeoutMilliseconds: limit on opening a TCP connection.
    public init(connectTimeoutMilliseconds: Int = 1000) throws(CurlHTTPError) {
        CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw CurlHTTPError(code: .setup, message: "curl_easy_init failed")
        }
        // No `Expect: 100-continue` round trip before a body.
        guard let expectSuppression = curl_slist_append(nil, "Expect:") else {
            curl_easy_cleanup(handle)
            throw CurlHTTPError(code: .setup, message: "curl_slist_append failed")
        }
        self.handle = handle
        self.expectSuppression = expectSuppression
        // The options every request shares, set once: a request changes only URL, method,
        // headers, body and timeout (no curl_easy_reset and a dozen setopt calls per request).
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        try check(ccurl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        // Local endpoints only: an inherited HTTP_PROXY must never reroute them. The minimal
        // static libcurl has no proxy support at all, and so no such option.
        let noProxy = ccurl_setopt_string(handle, CURLOPT_NOPROXY, "*")
        if noProxy != CURLE_UNKNOWN_OPTION { try check(noProxy) }
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMilliseconds))
        try check(ccurl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION, ResponseSink.bodyCallback))
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer))
        try check(ccurl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION, ResponseSink.headerCallback))
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer))
    }

    /// The easy handle, for the runtime's shutdown hooks on its sockets (CLambdaShutdown).
    package var curlHandle: UnsafeMutableRawPointer { handle }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(expectSuppression)
    }

    /// Sends the request and reads the whole response. Any HTTP status is a response;
    /// only transport failures throw.
    public func perform(_ request: CurlHTTPRequest) throws(CurlHTTPError) -> CurlHTTPResponse {
        sink.reset()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { if let headerList { curl_slist_free_all(headerList) } }
        if !request.headers.isEmpty {
            for (name, value) in request.headers {
                headerList = curl_slist_append(headerList, "\(name): \(value)")
            }
            headerList = curl_slist_append(headerList, "Expect:")
        }
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList ?? expectSuppression))
        try check(ccurl_setopt_string(handle, CURLOPT_URL, request.url))
        let timeout = request.timeoutMilliseconds ?? 0
        if timeout != currentTimeoutMilliseconds {
            try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeout))
            currentTimeoutMilliseconds = timeout
        }
        // GET and POST are libcurl's own methods; any other is sent as a custom request line.
        let customMethod: String? = request.method == "GET" || request.method == "POST" ? nil : request.method
        if customMethod != currentCustomMethod {
            try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, customMethod))
            currentCustomMethod = customMethod
        }

        let code: CURLcode = request.body.withUnsafeBytes { body in
            if request.method == "GET" || request.method == "HEAD" {
                // Also undoes a previous request's POSTFIELDS.
                _ = ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
            } else {
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
        return CurlHTTPResponse(status: status, headers: sink.takeHeaders(), body: sink.takeBody())
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

    func reset() {
        headers = []
        body = []
    }

    /// Hands the collected headers over without copying them.
    func takeHeaders() -> [(name: String, value: String)] {
        defer { headers = [] }
        return headers
    }

    func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }

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
