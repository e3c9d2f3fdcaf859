import Postgres
import TestTags
import Testing

/// The redaction step on libpq's own words (as `replay migrate` printed them before it existed).
@Suite("SecretRedaction", .tags(.pure))
struct SecretRedactionTests {
    @Test("a URI's user information, whatever the password holds, and a known password in every form")
    func uriAndKnownForms() {
        let url = #"postgresql://app:S3cr3t@x:/%41"ü@[::1:44149/x"#
        let redaction = SecretRedaction(configuration: PostgresConfiguration(connectionString: url, applicationName: "t"))
        let message = "end of string reached when looking for matching \"]\" in IPv6 host address in URI: \"\(url)\""
        let redacted = redaction.redact(message)
        #expect(redacted == #"end of string reached when looking for matching "]" in IPv6 host address in URI: "postgresql://***@[::1:44149/x""#)
        // Decoded (%41 is A) and percent-encoded forms of the password are known too.
        for form in [#"S3cr3t@x:/A"ü"#, "S3cr3t%40x%3A%2F%2541%22%C3%BC", "S3cr3t%40x%3a%2f%2541%22%c3%bc"] {
            #expect(redaction.redact("said \(form) here") == "said *** here", "\(form)")
        }
    }

    @Test("libpq's quoted piece of a bad percent escape is masked")
    func badEscape() {
        let url = "postgresql://app:S3cr3t-PASSWORD%ZZ@127.0.0.1:1/x"
        let redaction = SecretRedaction(configuration: PostgresConfiguration(connectionString: url, applicationName: "t"))
        #expect(redaction.redact(#"invalid percent-encoded token: "S3cr3t-PASSWORD%ZZ""#) == #"invalid percent-encoded token: "***""#)
        #expect(redaction.redact(#"invalid percent-encoded token: "PASSWORD%ZZ""#) == #"invalid percent-encoded token: "***""#)
    }

    @Test("key=value passwords, quoted or not, and the tokens of an unreadable key=value string")
    func keywordForms() {
        let redaction = SecretRedaction(secrets: [])
        #expect(redaction.redact("host=h password=abc def") == "host=h password=*** def")
        #expect(redaction.redact(#"host=h PASSWORD = 'a\'b c' dbname=x"#) == "host=h PASSWORD = *** dbname=x")
        #expect(redaction.redact(#"missing "=" after "def" in connection info string"#) == #"missing "***" after "***" in connection info string"#)
    }

    @Test("text without secrets is unchanged")
    func unchanged() {
        let redaction = SecretRedaction(secrets: ["hunter22"])
        let message = #"connection to server at "127.0.0.1", port 1 failed: Connection refused"#
        #expect(redaction.redact(message) == message)
    }
}
