import Foundation
import LambdaHTTP
import TestTags
import Testing

@Suite("Every fixture event decodes", .tags(.pure))
struct FixtureDecodingTests {
    @Test("the fixture folder holds the 41 events of SOURCES.md")
    func fixtureCount() throws {
        #expect(try EventFixtures.allFiles().count == 41)
    }

    @Test("each event decodes as the kind of its folder, with a method and a path")
    func everyFileDecodes() throws {
        for file in try EventFixtures.allFiles() {
            let folder = String(file.split(separator: "/")[0])
            let expected = try #require(EventFixtures.folders.first { $0.name == folder }).kind
            let request = try EventFixtures.request(file)
            #expect(request.kind == expected, "\(file)")
            #expect(!request.method.rawValue.isEmpty, "\(file)")
            #expect(request.path.hasPrefix("/"), "\(file)")
        }
    }

    @Test("each event's response comes back in the shape of its kind", arguments: EventFixtures.folders.map(\.name))
    func responseShapePerFolder(folder: String) throws {
        for file in try EventFixtures.allFiles() where file.hasPrefix(folder + "/") {
            let request = try EventFixtures.request(file)
            let payload = HTTPResponse.text("ok").encoded(as: request.responseShape)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any])
            #expect(object["statusCode"] as? Int == 200)
            switch request.kind {
            case .httpAPI, .functionURL: #expect(object["cookies"] != nil)
            case .restAPI: #expect(object["multiValueHeaders"] != nil && object["headers"] != nil)
            case .alb: #expect(object["statusDescription"] as? String == "200 OK")
            }
        }
    }

    @Test("a payload that is not an HTTP event is rejected with notAnHTTPEvent",
          arguments: [#"{"Records": []}"#, #"[1, 2]"#, #"{"requestContext": {}}"#, "not json", ""])
    func notAnHTTPEvent(payload: String) {
        #expect {
            try HTTPRequest(decoding: Array(payload.utf8))
        } throws: { error in
            (error as? LambdaHTTPError)?.code == .notAnHTTPEvent
        }
    }
}
