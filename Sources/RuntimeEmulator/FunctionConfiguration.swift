/// How the emulator runs one function: which binary, with what environment and limits.
public struct FunctionConfiguration: Sendable {
    /// How a function process is told where the Runtime API is.
    public enum EndpointStyle: Sendable, Equatable {
        /// `AWS_LAMBDA_RUNTIME_API=http://127.0.0.1:PORT/instances/ID`: one shared port.
        case pathPrefix
        /// `AWS_LAMBDA_RUNTIME_API=127.0.0.1:PORT` on a port of its own, as on Lambda.
        case dedicatedPort
    }

    public var name: String
    public var executablePath: String
    public var arguments: [String]
    /// Added to (and overriding) the variables Lambda sets.
    public var environment: [String: String]
    public var memorySizeMB: Int
    /// Default invocation timeout; `invoke` may override it.
    public var timeout: Duration
    /// How long a process may take from spawn to its first `next`.
    public var initTimeout: Duration
    public var region: String
    /// `AWS_LAMBDA_LOG_FORMAT`: `Text` or `JSON`.
    public var logFormat: String
    /// Warm processes the emulator may run at once for this function.
    public var maximumInstances: Int
    public var endpointStyle: EndpointStyle
    /// Invocations one process serves at once (Lambda Managed Instances'
    /// `PerExecutionEnvironmentMaxConcurrency`): above 1, the process gets
    /// `AWS_LAMBDA_MAX_CONCURRENCY` and may hold that many `next` polls.
    public var maximumConcurrency: Int

    public init(
        name: String, executablePath: String, arguments: [String] = [], environment: [String: String] = [:],
        memorySizeMB: Int = 128, timeout: Duration = .seconds(3), initTimeout: Duration = .seconds(10),
        region: String = "us-east-1", logFormat: String = "Text", maximumInstances: Int = 1,
        endpointStyle: EndpointStyle = .pathPrefix, maximumConcurrency: Int = 1
    ) {
        self.name = name
        self.executablePath = executablePath
        self.arguments = arguments
        self.environment = environment
        self.memorySizeMB = memorySizeMB
        self.timeout = timeout
        self.initTimeout = initTimeout
        self.region = region
        self.logFormat = logFormat
        self.maximumInstances = maximumInstances
        self.endpointStyle = endpointStyle
        self.maximumConcurrency = maximumConcurrency
    }

    /// `arn:aws:lambda:REGION:000000000000:function:NAME`.
    public var functionARN: String { "arn:aws:lambda:\(region):000000000000:function:\(name)" }
}
