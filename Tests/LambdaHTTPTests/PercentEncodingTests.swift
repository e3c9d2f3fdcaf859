import Essentials
import LambdaHTTP
import TestTags
import Testing

@Suite("RFC 3986 percent-encoding", .tags(.pure))
struct PercentEncodingTests {
    @Test("unreserved characters stay; every other byte is %XX in upper-case hex, and decoding gives the text back")
    func encodes() {
        #expect("AZaz09-._~".percentEncoded == "AZaz09-._~")
        #expect("2024-05-01T09:30:00+02:00".percentEncoded == "2024-05-01T09%3A30%3A00%2B02%3A00")
        #expect("arn:aws:secret/db a%".percentEncoded == "arn%3Aaws%3Asecret%2Fdb%20a%25")
        #expect("é😀".percentEncoded == "%C3%A9%F0%9F%98%80")
        for text in ["", "a b+c&d=e?f#g", "é😀/\u{0}", "%41"] {
            #expect(text.percentEncoded.percentDecoded() == text)
        }
    }
}
