import Essentials
/// One HTTP event of any supported kind, recognised from its content.
public enum HTTPEvent: Decodable, Sendable {
    case httpAPI(APIGatewayV2Request)
    case functionURL(APIGatewayV2Request)
    case restAPI(APIGatewayRequest)
    case alb(ALBTargetGroupRequest)

    /// Containers an event may nest: its own fields go 4 deep, authorizer contexts are
    /// free-form; the depth `JSONValue` members were decoded to before events were parsed.
    public static let maxDepth = JSONValue.defaultMaxDepth

    public var kind: HTTPEventKind {
        switch self {
        case .httpAPI: .httpAPI
        case .functionURL: .functionURL
        case .restAPI: .restAPI
        case .alb: .alb
        }
    }

    /// Looks at a few members and then reads the whole event once, as its kind.
    public init(json: JSONValue) throws(LambdaHTTPError) {
        guard case .object(let members) = json else {
            throw LambdaHTTPError(code: .notAnHTTPEvent, message: "the event is not a JSON object")
        }
        let context = members["requestContext"]?.objectValue
        if context?["elb"] != nil {
            self = .alb(try ALBTargetGroupRequest(eventJSON: json))
        } else if context?["http"] != nil {
            let event = try APIGatewayV2Request(eventJSON: json)
            // Function URLs send no top-level routeKey in the oldest samples; their domain says so too.
            let isURL = event.routeKey == nil || (event.requestContext.domainName?.containsUTF8(".lambda-url.") ?? false)
            self = isURL ? .functionURL(event) : .httpAPI(event)
        } else if members["httpMethod"] != nil {
            self = .restAPI(try APIGatewayRequest(eventJSON: json))
        } else {
            throw LambdaHTTPError(code: .notAnHTTPEvent, message: "not an API Gateway, Function URL or ALB event")
        }
    }

    /// From any `Decoder`, through `JSONValue`, so that both ways read events alike.
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }
}
