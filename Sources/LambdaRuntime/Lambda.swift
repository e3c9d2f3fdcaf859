#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CGlibcCompat
import CurlHTTP

/// The entry point of a function binary.
public enum Lambda {
    /// Reads the environment once, builds the handler, then serves invocations until the
    /// Runtime API goes away. An initialisation error is reported to `/runtime/init/error`
    /// and the process exits non-zero, as Lambda expects.
    ///
    ///     Lambda.run { context in try MyHandler(context) }
    public static func run<H: LambdaHandler>(_ makeHandler: (LambdaInitContext) throws -> H) -> Never {
        // A reference into CGlibcCompat, so every function binary links the definitions that
        // keep it loadable on Amazon Linux 2023's glibc 2.34 (see CGlibcCompat.h).
        _ = cglibc_compat_linked()
        let environment = ProcessEnvironment.current()
        let logger = LambdaLogger(environment: environment)
        let functionName = environment["AWS_LAMBDA_FUNCTION_NAME"] ?? ProcessEnvironment.executableName()

        guard let api = environment["AWS_LAMBDA_RUNTIME_API"] else {
            logger.log(.fatal, "AWS_LAMBDA_RUNTIME_API is not set: this binary runs under a Lambda Runtime API")
            exit(1)
        }
        let transport: CurlRuntimeAPITransport
        do {
            transport = CurlRuntimeAPITransport(endpoint: try RuntimeAPIEndpoint(api), client: try CurlHTTPClient())
        } catch {
            logger.log(.fatal, "cannot set up the Runtime API client", ["error": String(describing: error)])
            exit(1)
        }

        let handler: H
        do {
            handler = try makeHandler(LambdaInitContext(functionName: functionName, logger: logger, environment: environment))
        } catch {
            let report = LambdaErrorReport(for: error)
            logger.log(.fatal, "initialisation failed", ["errorType": report.errorType])
            do {
                try transport.reportInitError(report)
            } catch {
                logger.error("Runtime API did not take the init error", ["error": error.description])
            }
            exit(1)
        }

        var loop = LambdaRuntimeLoop(handler: handler, transport: transport, logger: logger, deadlinePolicy: DeadlinePolicy(environment: environment))
        let reason = loop.run()
        logger.log(.fatal, "the Runtime API is gone; exiting", ["error": reason.description])
        exit(1)
    }
}
