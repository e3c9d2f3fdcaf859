/// One HTTP event of any supported kind, recognised from its content.
public enum HTTPEvent: Decodable, Sendable {
    case httpAPI(APIGatewayV2Request)
    case functionURL(APIGatewayV2Request)
    case restAPI(APIGatewayRequest)
    case alb(ALBTargetGroupRequest)

    public var kind: HTTPEventKind {
        switch self {
        case .httpAPI: .httpAPI
        case .functionURL: .functionURL
        case .restAPI: .restAPI
        case .alb: .alb
        }
    }

    private enum ProbeKeys: String, CodingKey {
        case requestContext, httpMethod, routeKey
    }

    private enum ContextKeys: String, CodingKey {
        case elb, http, domainName
    }

    /// Looks at a few keys and then decodes the whole event once, as its kind.
    public init(from decoder: any Decoder) throws {
        let probe = try decoder.container(keyedBy: ProbeKeys.self)
        let context = try? probe.nestedContainer(keyedBy: ContextKeys.self, forKey: .requestContext)
        if let context, context.contains(.elb) {
            self = .alb(try ALBTargetGroupRequest(from: decoder))
        } else if let context, context.contains(.http) {
            let event = try APIGatewayV2Request(from: decoder)
            // Function URLs send no top-level routeKey in the oldest samples; their domain says so too.
            let isURL = event.routeKey == nil || (event.requestContext.domainName?.contains(".lambda-url.") ?? false)
            self = isURL ? .functionURL(event) : .httpAPI(event)
        } else if probe.contains(.httpMethod) {
            self = .restAPI(try APIGatewayRequest(from: decoder))
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "not an API Gateway, Function URL or ALB event"))
        }
    }
}
