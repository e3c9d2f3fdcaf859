import LambdaHTTP

/// Percent-decoding as API Gateway applies it to paths and query parameters.
enum PercentCoding {
    /// Nil when an escape is broken or the bytes are not UTF-8 (the functions' own decoding).
    static func decode(_ text: some StringProtocol, plusAsSpace: Bool = false) -> String? {
        String(text).percentDecoded(plusAsSpace: plusAsSpace)
    }
}
