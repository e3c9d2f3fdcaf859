import FoundationEssentials
import LambdaHTTP
import TestTags
import Testing

/// `JSONValue.parse`: strict RFC 8259, one pass, depth and duplicate-member limits.
@Suite(.tags(.pure)) struct JSONParserTests {
    private func code(_ text: String, maxDepth: Int = JSONValue.defaultMaxDepth) -> JSONValueError.Code? {
        do {
            _ = try JSONValue.parse(Array(text.utf8), maxDepth: maxDepth)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func validDocumentsParse() throws {
        let value = try JSONValue.parse(Array(#" {"a": [1, -2.50, 3e2, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} "#.utf8))
        let object = try #require(value.objectValue)
        #expect(object["b"] == .string("x\"\\/\u{8}\u{c}\n\r\té😀"))
        guard case .array(let items)? = object["a"] else { Issue.record("not an array"); return }
        #expect(items == [.number(1), .number(JSONNumber("-2.5")!), .number(300), .bool(true), .bool(false), .null])
        // The text is kept as sent.
        guard case .number(let number) = items[1] else { Issue.record("not a number"); return }
        #expect(number.text == "-2.50")
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", #"{"a":1,}"#, "[,1]", #"{"a" 1}"#, #"{"a":1 "b":2}"#, "[1 2]",
        "// c\n{}", "/* c */ {}", "{} // c", "{'a':1}", "NaN", "Infinity", "-Infinity", "01", "1.", ".5", "+1", "-",
        "1e", "1e+", "0x10", "tru", "nul", "True", "\"\u{01}\"", "\"a", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00""#,
        #""\ud800\u0041""#, "{} {}", "[1] x", "\u{FEFF}{}",
    ])
    func nonJSONIsMalformed(_ text: String) {
        #expect(code(text) == .malformed, "\(text.debugDescription)")
    }

    @Test func invalidUTF8IsMalformed() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0x5C, 0x6E, 0xFE, 0x22]] {
            #expect(throws: JSONValueError.self) { try JSONValue.parse(bytes) }
        }
    }

    @Test func aMemberGivenTwiceIsNamed() {
        for text in [#"{"a":1,"a":1}"#, #"{"a":1,"\u0061":2}"#, #"{"x":{"a":1,"b":2,"a":3}}"#] {
            do {
                _ = try JSONValue.parse(Array(text.utf8))
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.code == .duplicateMember)
                #expect(error.member == "a")
            }
        }
    }

    @Test func nestingPastTheLimitIsRefused() {
        #expect(code("{}", maxDepth: 1) == nil)
        #expect(code(#"{"a":1,"b":"x"}"#, maxDepth: 1) == nil)
        #expect(code(#"{"a":[]}"#, maxDepth: 1) == .tooDeep)
        #expect(code(#"{"a":{}}"#, maxDepth: 1) == .tooDeep)
        #expect(code("[[]]", maxDepth: 1) == .tooDeep)
        let nested = String(repeating: "[", count: 500) + String(repeating: "{},", count: 1000) + "{}" + String(repeating: "]", count: 500)
        #expect(code(nested, maxDepth: 1) == .tooDeep)
        #expect(code(nested) == .tooDeep)
        // Refused where the limit is crossed, whatever follows.
        #expect(code("[[x", maxDepth: 1) == .tooDeep)
        #expect(code("[[x", maxDepth: 2) == .malformed)
        #expect(code(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
        #expect(code(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == .tooDeep)
    }

    @Test func numbersKnowWhetherDecimalHoldsThemExactly() throws {
        let exact = ["0", "-0", "1.50", "95." + String(repeating: "0", count: 35) + "1", String(repeating: "9", count: 38), "1e127", "1e-128", "0.000", "12e-3"]
        for text in exact {
            let number = try #require(JSONNumber(text))
            #expect(number.isExact, "\(text)")
            #expect(number.decimalValue != nil, "\(text)")
        }
        let inexact = ["95." + String(repeating: "0", count: 97) + "1", String(repeating: "9", count: 39), "1e400", "1e-400", "1" + String(repeating: "0", count: 60) + "1e-60"]
        for text in inexact {
            let number = try #require(JSONNumber(text))
            #expect(!number.isExact, "\(text)")
            #expect(number.decimalValue == nil, "\(text)")
        }
        #expect(JSONNumber("2.0")?.integerValue == 2)
        #expect(JSONNumber("20e-1")?.integerValue == 2)
        #expect(JSONNumber("2.5")?.integerValue == nil)
        #expect(JSONNumber("1e30")?.integerValue == nil)
        #expect(JSONNumber("1.") == nil)
        #expect(JSONNumber(" 1") == nil)
    }

    /// `integerValue` reads the text itself, without `Decimal`; it must give the answers the
    /// `Decimal` route gave (integral, exact, within Int), number for number.
    @Test func integerValueMatchesTheDecimalReading() throws {
        let texts = [
            "0", "-0", "0.0", "-0.000e5", "7", "-7", "2.0", "20e-1", "2.5", "-2.5", "1e30", "1e18", "1E+3", "1e-0",
            "12e-1", "120e-1", "1200e-2", "0.5e1", "0.05e1", "100e-3", "1000e-3", "1.000", "1e127", "1e-128",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "922337203685477580.7e1", "92233720368547758070e-1", "9999999999999999999", "10000000000000000000",
            "1" + String(repeating: "0", count: 60) + "e-60", "1" + String(repeating: "0", count: 60) + "1e-60",
            String(repeating: "9", count: 38), String(repeating: "9", count: 39), "1e400", "1e-400", "1709278200000",
            "1709278200000.0", "-1709278200000", "3.0000000000000000001",
        ]
        for text in texts {
            let number = try #require(JSONNumber(text), "\(text)")
            let viaDecimal: Int? = number.decimalValue.flatMap { value in
                if value.isZero { return 0 }
                guard value.exponent >= 0 else { return nil }
                return Int(value.description)
            }
            #expect(number.integerValue == viaDecimal, "\(text)")
        }
        #expect(JSONNumber("-9223372036854775808")?.integerValue == Int.min)
        #expect(JSONNumber("1e18")?.integerValue == 1_000_000_000_000_000_000)
    }

    @Test func parseTimeDoesNotDependOnNesting() throws {
        // Linear: a 1 MiB array of 200,000 small objects parses; the answer is the count.
        let text = "[" + Array(repeating: #"{"a":1}"#, count: 200_000).joined(separator: ",") + "]"
        guard case .array(let items) = try JSONValue.parse(Array(text.utf8)) else { Issue.record("not an array"); return }
        #expect(items.count == 200_000)
    }
}
