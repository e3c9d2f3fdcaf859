#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Essentials
public import UTCTime

/// Writes log lines to standard output, where Lambda collects them.
///
/// Text lines (`TIMESTAMP REQUEST-ID LEVEL message key=value`) by default, JSON lines
/// when `AWS_LAMBDA_LOG_FORMAT=JSON`, filtered by `AWS_LAMBDA_LOG_LEVEL`. JSON lines carry
/// the keys Powertools for AWS Lambda writes (`level`, `message`, `timestamp`, `service`,
/// `cold_start`, `function_request_id`, `xray_trace_id`), so its users' queries work
/// unchanged. Callers must never pass secrets or health values as messages or metadata.
public struct LambdaLogger: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case trace, debug, info, warn, error, fatal

        public var name: String {
            switch self {
            case .trace: "TRACE"
            case .debug: "DEBUG"
            case .info: "INFO"
            case .warn: "WARN"
            case .error: "ERROR"
            case .fatal: "FATAL"
            }
        }

        public init?(name: String) {
            guard let level = Level.allCases.first(where: { $0.name == name.uppercased() }) else {
                if name.uppercased() == "WARNING" { self = .warn; return }
                return nil
            }
            self = level
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Format: Sendable {
        case text, json
    }

    public let minimumLevel: Level
    public let format: Format
    public let requestID: String?
    /// Powertools' `service`: `POWERTOOLS_SERVICE_NAME`, else the function's name.
    public let service: String?
    /// The X-Ray trace id alone (`1-5759e988-bd862e3fe1be46a994272793`), without `Root=`,
    /// `Parent` or `Sampled`.
    public let xrayTraceID: String?
    /// Whether this invocation is the process's first; nil outside an invocation.
    public let coldStart: Bool?

    public init(
        minimumLevel: Level = .info, format: Format = .text, requestID: String? = nil,
        service: String? = nil, xrayTraceID: String? = nil, coldStart: Bool? = nil
    ) {
        self.minimumLevel = minimumLevel
        self.format = format
        self.requestID = requestID
        self.service = service
        self.xrayTraceID = xrayTraceID
        self.coldStart = coldStart
    }

    /// The logger Lambda's environment variables ask for.
    public init(environment: [String: String]) {
        self.init(
            minimumLevel: environment["AWS_LAMBDA_LOG_LEVEL"].flatMap(Level.init(name:)) ?? .info,
            format: environment["AWS_LAMBDA_LOG_FORMAT"]?.uppercased() == "JSON" ? .json : .text,
            service: environment["POWERTOOLS_SERVICE_NAME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? environment["AWS_LAMBDA_FUNCTION_NAME"]
        )
    }

    /// The same settings, for one invocation.
    public func with(requestID: String?, traceHeader: String? = nil, coldStart: Bool? = nil) -> LambdaLogger {
        LambdaLogger(
            minimumLevel: minimumLevel, format: format, requestID: requestID, service: service,
            xrayTraceID: traceHeader.flatMap(LambdaLogger.rootTraceID), coldStart: coldStart
        )
    }

    /// `Root=1-...;Parent=...;Sampled=0` -> `1-...`, as Powertools logs it.
    public static func rootTraceID(_ header: String) -> String? {
        // Over the bytes, without splitting: this runs for every invocation.
        let bytes = header.utf8
        var fieldStart = bytes.startIndex
        while fieldStart < bytes.endIndex {
            let fieldEnd = bytes[fieldStart...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            let field = bytes[fieldStart..<fieldEnd]
            if field.starts(with: "Root=".utf8) {
                return String(Substring(field.dropFirst(5)))
            }
            fieldStart = fieldEnd == bytes.endIndex ? fieldEnd : bytes.index(after: fieldEnd)
        }
        return nil
    }

    public func isEnabled(_ level: Level) -> Bool { level >= minimumLevel }

    public func trace(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.trace, message(), metadata)
    }
    public func debug(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.debug, message(), metadata)
    }
    public func info(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.info, message(), metadata)
    }
    public func warn(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.warn, message(), metadata)
    }
    public func error(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.error, message(), metadata)
    }

    public func log(_ level: Level, _ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        guard isEnabled(level) else { return }
        emit(line: render(level: level, message: message(), metadata: metadata, at: Instant.now()))
    }

    /// Writes a whole line as it is, whatever the level: a CloudWatch EMF record, say.
    public func emit(line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        // One write per line so lines from a crashing process are never interleaved.
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// The line as it would be written; exposed for tests.
    public func render(level: Level, message: String, metadata: KeyValuePairs<String, String>, at time: Instant) -> String {
        switch format {
        case .text:
            var line = "\(time.rfc3339) \(requestID ?? "-") \(level.name) \(message.replacingNewlines())"
            for (key, value) in metadata { line += " \(key)=\(value.replacingNewlines())" }
            return line
        case .json:
            var line = JSONWriter(capacity: 160 + message.utf8.count)
            line.beginObject()
            line.member("level", level.name)
            line.member("message", message)
            line.member("timestamp", time.rfc3339)
            if let service { line.member("service", service) }
            if let coldStart {
                line.name("cold_start")
                line.bool(coldStart)
            }
            if let requestID { line.member("function_request_id", requestID) }
            if let xrayTraceID { line.member("xray_trace_id", xrayTraceID) }
            for (key, value) in metadata { line.member(key, value) }
            line.endObject()
            return line.text
        }
    }
}

extension String {
    /// One record per line, even for a message that spans lines.
    fileprivate func replacingNewlines() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
