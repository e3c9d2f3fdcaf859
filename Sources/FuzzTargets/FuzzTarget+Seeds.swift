import FoundationEssentials
import LambdaHTTP

// scripts/fuzz's seed corpus, made from the event fixtures by the same binary (in its
// normal build) that the fuzzer then drives, so seeding needs no second language.
extension FuzzTarget {
    /// The body decoders `bodies` picks from with its first byte.
    static let bodyDecoderCount: UInt8 = 10

    /// The inputs one event gives this target: the payload as it is (events), its body behind
    /// each decoder's selector byte (bodies), its raw query string (query) or raw path (paths).
    func seeds(from event: JSONValue) -> [[UInt8]] {
        switch self {
        case .events:
            return [Array(event.jsonText.utf8)]
        case .bodies:
            guard let body = event["body"]?.stringValue else { return [] }
            // A fixture with a deliberately broken base64 body seeds its text as it is.
            let data = event["isBase64Encoded"]?.boolValue == true
                ? Data(base64Encoded: body).map { Array($0) } ?? Array(body.utf8)
                : Array(body.utf8)
            return (0..<Self.bodyDecoderCount).map { [$0] + data }
        case .query:
            if let query = event["rawQueryString"]?.stringValue { return [Array(query.utf8)] }
            let parameters = event["queryStringParameters"]?.objectValue?.map { "\($0.name)=\($0.value.stringValue ?? "")" } ?? []
            return [Array(parameters.joined(separator: "&").utf8)]
        case .paths:
            guard let path = event["rawPath"]?.stringValue ?? event["path"]?.stringValue else { return [] }
            return [Array(path.utf8)]
        }
    }

    /// The events of a fixture file: an event, or a replay case's steps (`{"steps": [{"event": …}]}`).
    /// A file that is not JSON gives none.
    static func events(inFile bytes: [UInt8]) -> [JSONValue] {
        guard let document = try? JSONValue.parse(bytes), document.objectValue != nil else { return [] }
        if let steps = document["steps"]?.arrayValue {
            return steps.compactMap { step in step["event"].flatMap { $0.objectValue == nil ? nil : $0 } }
        }
        return [document]
    }

    /// Writes each seed of every event in `files` to `folder`, named by a hash of its bytes
    /// (so the same input is one file); answers how many seeds were made.
    func writeSeeds(from files: [String], to folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var count = 0
        for file in files {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            for event in Self.events(inFile: bytes) {
                for seed in seeds(from: event) {
                    try Data(seed).write(to: URL(fileURLWithPath: folder + "/" + Self.fnv1a(seed)))
                    count += 1
                }
            }
        }
        return count
    }

    /// 64-bit FNV-1a as 16 hex digits: a file name for a seed, not a security measure.
    private static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
