import LambdaHTTP
import TestTags
import Testing

/// `JSONValue` as a document: ordered members, the compact and pretty writers, round trips.
@Suite("JSON values written and read back", .tags(.pure))
struct JSONValueTextTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    @Test("members keep the order they were parsed or added in, and are written in it")
    func memberOrder() throws {
        let text = #"{"z":1,"a":{"y":true,"b":null},"m":[{"k":"v","c":"d"}]}"#
        let value = try parse(text)
        #expect(value.jsonText == text)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"]?.objectValue?.keys == ["y", "b"])

        var built = JSONObject()
        built["second"] = .string("b")
        built["first"] = .string("a")
        built["second"] = .string("B")
        #expect(JSONValue.object(built).jsonText == #"{"second":"B","first":"a"}"#)
        built["second"] = nil
        built["third"] = .null
        #expect(JSONValue.object(built).jsonText == #"{"first":"a","third":null}"#)
        #expect(built["third"] == .null && built["second"] == nil)
        let literal: JSONObject = ["b": .number(1), "a": .number(2)]
        #expect(literal.keys == ["b", "a"])
    }

    @Test("equality is JSON's: the same members in another order are equal; sortingMembers orders them by name")
    func equalityAndSorting() throws {
        let one = try parse(#"{"a":1,"b":[{"x":1,"w":2}]}"#)
        let other = try parse(#"{"b":[{"w":2,"x":1}],"a":1.0}"#)
        #expect(one == other)
        #expect(one != (try parse(#"{"a":1,"b":[{"x":1}]}"#)))
        #expect(other.sortingMembers().jsonText == #"{"a":1.0,"b":[{"w":2,"x":1}]}"#)
    }

    @Test("a member name given twice is refused, wherever the object is")
    func duplicates() {
        for text in [#"{"a":1,"a":2}"#, #"[{"k":{"a":1,"b":2,"a":1}}]"#] {
            #expect(throws: JSONValueError.self) { try JSONValue.parse(Array(text.utf8)) }
        }
        var object = JSONObject()
        #expect(object.updateValue(.bool(true), forKey: "a") == nil)
        #expect(object.updateValue(.bool(false), forKey: "a") == .bool(true))
        #expect(object.count == 1)
    }

    @Test("numbers are written as their text: digits Decimal cannot hold, exponents and trailing zeros survive")
    func numbers() throws {
        let long = "0." + String(repeating: "1", count: 60)
        let text = "[100.0,-0,1E+2,2.50e-3,\(long),12345678901234567890123456789012345678901]"
        #expect(try parse(text).jsonText == text)
        #expect(JSONValue.number(JSONNumber(7)).jsonText == "7")
    }

    @Test("strings are escaped so that any text reads back the same")
    func escaping() throws {
        let awkward = "quote \" backslash \\ slash / newline \n return \r tab \t bell \u{07} nul \u{0} del \u{7F} é 😀 \u{2028}"
        let value = JSONValue.object(["k\"ey\n": .string(awkward)])
        let text = value.jsonText
        #expect(text == #"{"k\"ey\n":"quote \" backslash \\ slash / newline \n return \r tab \t bell \u0007 nul \u0000 del \u007f é 😀 "# + "\u{2028}\"}")
        #expect(try parse(text) == value)
        #expect(try parse(value.prettyText) == value)
    }

    @Test("every parsed document writes back to text that parses to the same value, compact and pretty")
    func roundTrips() throws {
        for text in ["null", "true", "\"\"", "[]", "{}", "[[],{},[{}]]", #"{"a":[1,{"b":"c"}],"d":{"e":{}}}"#, "-1.5e-7"] {
            let value = try parse(text)
            #expect(value.jsonText == text)
            #expect(try parse(value.jsonText) == value)
            #expect(try parse(value.prettyText) == value)
        }
    }

    @Test("pretty text: two-space indent, one member per line, empty containers inline, a final newline")
    func prettyText() throws {
        let value = try parse(#"{"b":[1,{}],"a":{"c":[]}}"#)
        #expect(value.prettyText == """
            {
              "b": [
                1,
                {}
              ],
              "a": {
                "c": []
              }
            }

            """)
    }

    @Test("the subscript reads and sets members of objects only")
    func subscripts() throws {
        var value = try parse(#"{"a":1}"#)
        value["b"] = .string("x")
        #expect(value.jsonText == #"{"a":1,"b":"x"}"#)
        var array = JSONValue.array([.null])
        array["a"] = .null
        #expect(array == .array([.null]) && array["a"] == nil)
    }

    /// Small objects are scanned and large ones indexed; both must find, replace and remove alike.
    @Test("lookup, replacement and removal agree on both sides of the index threshold", arguments: [3, JSONObject.indexThreshold, JSONObject.indexThreshold + 1, 40])
    func lookupAcrossThreshold(count: Int) throws {
        var object = JSONObject()
        for index in 0..<count { object["m\(index)"] = .number(JSONNumber(index)) }
        #expect(object.updateValue(.string("first"), forKey: "m0") == .number(0))
        object["m1"] = nil
        #expect(object.keys == ["m0"] + (2..<count).map { "m\($0)" })
        for index in 2..<count { #expect(object["m\(index)"] == .number(JSONNumber(index))) }
        #expect(object["m0"] == .string("first") && object["m1"] == nil)
        object["m1"] = .null
        #expect(object.keys.last == "m1" && object["m1"] == .null)

        // The parser refuses a repeated name however large the object is.
        let members = (0..<count).map { "\"m\($0)\":\($0)" }.joined(separator: ",")
        #expect(throws: JSONValueError.self) { try JSONValue.parse(Array("{\(members),\"m0\":1}".utf8)) }
    }
}
