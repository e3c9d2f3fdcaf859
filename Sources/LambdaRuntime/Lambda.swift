#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CGlibcCompat
import CurlHTTP
import Essentials

/// The entry point of a function binary.
///
/// Reads the environment once, builds the handler once, then serves invocations until
/// SIGTERM (exit 0, after the invocations in flight are answered and the handler's
/// `shutdown`) or until the Runtime API goes away (exit 1). An initialisation error is
/// reported to `/runtime/init/error` once and the process exits non-zero, as Lambda expects.
///
///     Lambda.run { context in try MyHandler(context) }
///
/// With `AWS_LAMBDA_MAX_CONCURRENCY` above 1 (Lambda Managed Instances), a
/// `ConcurrentLambdaHandler` is served by that many worker threads, each with its own
/// Runtime API connection and its own copy of the handler; absent or 1, one loop on the
/// main thread as ever.
public enum Lambda {
    public static func run<H: LambdaHandler>(_ makeHandler: (LambdaInitContext) throws -> H) -> Never {
        let startup = Startup()
        let handler = startup.initialise(makeHandler)
        if startup.maximumConcurrency > 1 {
            startup.logger.warn(
                "this function serves one invocation at a time whatever AWS_LAMBDA_MAX_CONCURRENCY says",
                ["maxConcurrency": String(startup.maximumConcurrency)]
            )
        }
        startup.serveAlone(handler)
    }

    public static func run<H: ConcurrentLambdaHandler>(_ makeHandler: (LambdaInitContext) throws -> H) -> Never {
        let startup = Startup()
        let handler = startup.initialise(makeHandler)
        if startup.maximumConcurrency > 1 {
            startup.serveConcurrently(handler)
        }
        startup.serveAlone(handler)
    }

    /// What every function binary does before its handler exists.
    private struct Startup {
        let environment: [String: String]
        let logger: LambdaLogger
        let functionName: String
        let endpoint: RuntimeAPIEndpoint
        /// The init's connection, then the first worker's.
        let transport: CurlRuntimeAPITransport
        /// `AWS_LAMBDA_MAX_CONCURRENCY`, 1 when absent or not a positive number.
        let maximumConcurrency: Int

        init() {
            // A reference into CGlibcCompat, so every function binary links the definitions that
            // keep it loadable on Amazon Linux 2023's glibc 2.34 (see CGlibcCompat.h).
            _ = cglibc_compat_linked()
            environment = ProcessEnvironment.current()
            logger = LambdaLogger(environment: environment)
            functionName = environment["AWS_LAMBDA_FUNCTION_NAME"] ?? ProcessEnvironment.executableName()

            guard let api = environment["AWS_LAMBDA_RUNTIME_API"] else {
                logger.log(.fatal, "AWS_LAMBDA_RUNTIME_API is not set: this binary runs under a Lambda Runtime API")
                exit(1)
            }
            do {
                endpoint = try RuntimeAPIEndpoint(api)
                transport = CurlRuntimeAPITransport(endpoint: endpoint, client: try CurlHTTPClient())
            } catch {
                logger.log(.fatal, "cannot set up the Runtime API client", ["error": String(describing: error)])
                exit(1)
            }
            maximumConcurrency = LambdaInitContext.maximumConcurrency(environment)
            // Before the init, so a SIGTERM during a slow init is not fatal: the first `next` sees it.
            if !RuntimeShutdown.install() {
                logger.warn("cannot handle SIGTERM; the process will stop abruptly")
            }
        }

        func initialise<H: LambdaHandler>(_ makeHandler: (LambdaInitContext) throws -> H) -> H {
            do {
                return try makeHandler(LambdaInitContext(functionName: functionName, logger: logger, environment: environment))
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
        }

        func loop<H: LambdaHandler>(
            _ handler: H, transport: CurlRuntimeAPITransport, worker: Int, coldStart: ColdStartFlag, exportsTraceVariable: Bool
        ) -> LambdaRuntimeLoop<H> {
            var loop = LambdaRuntimeLoop(
                handler: handler, transport: transport, logger: logger, deadlinePolicy: DeadlinePolicy(environment: environment),
                coldStart: coldStart, exportsTraceVariable: exportsTraceVariable
            )
            if !RuntimeShutdown.attach(transport, worker: worker) {
                // SIGTERM then waits for the next answer from the Runtime API instead of cutting the wait short.
                logger.warn("cannot watch the Runtime API connection for SIGTERM", ["worker": String(worker)])
            }
            // Always: SIGTERM no longer ends the process by itself, so the loop must see the flag.
            loop.shutdownWatch = ShutdownWatch(worker: worker)
            return loop
        }

        /// One loop on this thread: the path of every function without Managed Instances.
        func serveAlone<H: LambdaHandler>(_ handler: H) -> Never {
            var loop = loop(handler, transport: transport, worker: 0, coldStart: ColdStartFlag(), exportsTraceVariable: true)
            switch loop.run() {
            case .shutdown:
                stop(&loop.handler)
            case .runtimeAPIGone(let reason):
                logger.log(.fatal, "the Runtime API is gone; exiting", ["error": reason.description])
                exit(1)
            }
        }

        /// `maximumConcurrency` workers; this thread waits for them, and takes SIGTERM.
        func serveConcurrently<H: ConcurrentLambdaHandler>(_ handler: H) -> Never {
            var transports = [transport]
            for _ in 1..<maximumConcurrency {
                do {
                    transports.append(CurlRuntimeAPITransport(endpoint: endpoint, client: try CurlHTTPClient()))
                } catch {
                    logger.log(.fatal, "cannot set up the Runtime API client", ["error": String(describing: error)])
                    exit(1)
                }
            }
            logger.info("serving invocations concurrently", ["workers": String(maximumConcurrency)])
            // Workers never take SIGTERM (they inherit the mask): the handler runs on this
            // thread, which only waits, so it never interrupts a worker's database wait.
            var blocked = sigset_t()
            sigemptyset(&blocked)
            sigaddset(&blocked, SIGTERM)
            pthread_sigmask(SIG_BLOCK, &blocked, nil)
            let coldStart = ColdStartFlag()
            var threads: [SystemThread<Void>] = []
            for (worker, transport) in transports.enumerated() {
                let workerLoop = WorkerLoop(loop(handler.forWorker(), transport: transport, worker: worker, coldStart: coldStart, exportsTraceVariable: false))
                let logger = self.logger
                guard let thread = SystemThread({
                    var loop = workerLoop.take()
                    if case .runtimeAPIGone(let reason) = loop.run() {
                        logger.log(.fatal, "the Runtime API is gone; exiting", ["error": reason.description])
                        exit(1)
                    }
                }) else {
                    logger.log(.fatal, "cannot start a worker thread", ["worker": String(worker)])
                    exit(1)
                }
                threads.append(thread)
            }
            pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
            // Workers return only after SIGTERM, each once its invocation in flight is answered.
            for thread in threads { thread.join() }
            var handler = handler
            stop(&handler)
        }

        private func stop<H: LambdaHandler>(_ handler: inout H) -> Never {
            handler.shutdown()
            logger.info("SIGTERM: in-flight invocations answered, connections closed; exiting")
            exit(0)
        }
    }
}

/// Hands one worker its loop: built on the main thread, run on the worker's only.
private final class WorkerLoop<H: ConcurrentLambdaHandler>: @unchecked Sendable {
    private var loop: LambdaRuntimeLoop<H>?

    init(_ loop: LambdaRuntimeLoop<H>) {
        self.loop = loop
    }

    func take() -> LambdaRuntimeLoop<H> {
        defer { loop = nil }
        return loop!
    }
}
