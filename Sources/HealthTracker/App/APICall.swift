public import LambdaHTTP
public import LambdaRuntime

/// One routed request with everything an endpoint needs to answer it.
public struct APICall {
    public let request: HTTPRequest
    public let match: RouteMatch<APIRoute>
    public let context: LambdaContext
    public let caller: Caller

    public init(request: HTTPRequest, match: RouteMatch<APIRoute>, context: LambdaContext, caller: Caller) {
        self.request = request
        self.match = match
        self.context = context
        self.caller = caller
    }

    public var route: APIRoute { match.id }
}
