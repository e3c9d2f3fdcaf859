import Essentials
import TestTags
import Testing

/// `String.containsUTF8`: the byte search the function URL check and the OpenSSL start use.
@Suite(.tags(.pure))
struct UTF8SearchTests {
    @Test("finds the needle at the start, middle and end; not a near miss, nor in a shorter string", arguments: [
        ("abc123.lambda-url.us-east-1.on.aws", ".lambda-url.", true),
        (".lambda-url.", ".lambda-url.", true),
        ("postgresql://h/db?sslmode=disable", "sslmode=disable", true),
        ("host=h sslmode=disable", "sslmode=disable", true),
        ("postgresql://h/db?sslmode=disabl", "sslmode=disable", false),
        ("abc.lambda-ur.us-east-1", ".lambda-url.", false),
        ("url.", ".lambda-url.", false),
        ("", "x", false),
        ("caf\u{E9}.lambda-url.x", ".lambda-url.", true),
    ])
    func search(_ haystack: String, _ needle: String, _ expected: Bool) {
        #expect(haystack.containsUTF8(needle) == expected)
    }
}
