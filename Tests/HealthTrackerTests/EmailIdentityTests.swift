@testable import HealthTracker
import TestTags
import Testing

/// `EmailAddress.identityKey`: NFC, then lower-upper-lower full case mappings, then NFC.
@Suite(.tags(.pure)) struct EmailIdentityTests {
    static let sameIdentity: [(String, String)] = [
        ("ada@example.org", "ADA@EXAMPLE.ORG"),
        ("jos\u{E9}@x.com", "jose\u{301}@x.com"),  // composed é, decomposed e + U+0301
        ("JOS\u{C9}@X.COM", "jose\u{301}@x.com"),
        ("stra\u{DF}e@x.de", "STRASSE@x.de"),  // ß and SS
        ("stra\u{1E9E}e@x.de", "strasse@x.de"),  // capital ẞ
        ("\u{3C3}\u{3BF}\u{3C6}\u{3B9}\u{3B1}\u{3C2}@x.gr", "\u{3A3}\u{39F}\u{3A6}\u{399}\u{391}\u{3A3}@x.gr"),  // final ς
        ("\u{FB01}le@x.com", "FILE@x.com"),  // ligature ﬁ
        ("\u{212A}elvin@x.com", "kelvin@x.com"),  // Kelvin sign
        ("\u{C5}sa@x.se", "\u{212B}sa@x.se"),  // Ångström sign is canonically Å
    ]

    @Test(arguments: sameIdentity)
    func oneIdentity(_ first: String, _ second: String) {
        #expect(EmailAddress.identityKey(first) == EmailAddress.identityKey(second))
    }

    static let differentIdentity: [(String, String)] = [
        ("ada@example.org", "ada@example.com"),
        ("p\u{430}ypal@x.com", "paypal@x.com"),  // the script rule refuses the first; the fold keeps them apart
        ("jos\u{E9}@x.com", "jose@x.com"),
    ]

    @Test(arguments: differentIdentity)
    func twoIdentities(_ first: String, _ second: String) {
        #expect(EmailAddress.identityKey(first) != EmailAddress.identityKey(second))
    }

    @Test func storedFormIsNFCAndKeepsCase() {
        #expect(Array(EmailAddress.normalized("Jose\u{301}@X.com").unicodeScalars) == Array("Jos\u{E9}@X.com".unicodeScalars))
        #expect(EmailAddress.identityKey("Jose\u{301}@X.com").unicodeScalars.elementsEqual("jos\u{E9}@x.com".unicodeScalars))
    }
}
