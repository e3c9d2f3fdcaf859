public import LambdaRuntime

/// The application behind `HTTPLambdaHandler`: answers one routed request.
///
/// Throw a `Problem` to answer with it; any other error answers 500 and is logged. Like a
/// `LambdaHandler`, it is called one invocation at a time and may hold non-Sendable state.
public protocol HTTPApplication<Route> {
    associatedtype Route: Hashable & Sendable

    mutating func respond(to request: HTTPRequest, match: RouteMatch<Route>, context: LambdaContext) throws -> HTTPResponse

    /// Time spent waiting on a database since the last call, which resets it (the
    /// `DatabaseTime` metric); zero for an application without one.
    mutating func takeDatabaseTime() -> Duration

    /// On SIGTERM, after the last request: close what the application holds.
    mutating func shutdown()
}

extension HTTPApplication {
    public mutating func takeDatabaseTime() -> Duration { .zero }
    public mutating func shutdown() {}
}

/// An application that can answer several requests at once (Lambda Managed Instances): each
/// worker gets its own, made by `forWorker()`; what they share must be thread-safe.
public protocol ConcurrentHTTPApplication: HTTPApplication, Sendable {
    func forWorker() -> Self
}

extension ConcurrentHTTPApplication {
    public func forWorker() -> Self { self }
}

/// An application given as a closure.
public struct ClosureHTTPApplication<Route: Hashable & Sendable>: HTTPApplication {
    public let body: (HTTPRequest, RouteMatch<Route>, LambdaContext) throws -> HTTPResponse

    public init(_ body: @escaping (HTTPRequest, RouteMatch<Route>, LambdaContext) throws -> HTTPResponse) {
        self.body = body
    }

    public func respond(to request: HTTPRequest, match: RouteMatch<Route>, context: LambdaContext) throws -> HTTPResponse {
        try body(request, match, context)
    }
}
