import CLambdaShutdown

/// SIGTERM, which Lambda sends before it stops an execution environment that has an
/// extension registered: the runtime stops taking invocations, finishes the ones in
/// flight, closes what the handler holds and exits 0.
///
/// The signal handler (CLambdaShutdown) only sets a flag and shuts down the socket of each
/// worker waiting in `next`, so the long poll returns at once; a worker serving an invocation
/// sees the flag when it is done.
public enum RuntimeShutdown {
    /// The most workers the runtime runs.
    public static var maximumWorkers: Int { Int(LAMBDA_SHUTDOWN_MAX_WORKERS) }

    /// Installs the SIGTERM handler; false when the system refused it.
    static func install() -> Bool {
        lambda_shutdown_install() == 0
    }

    /// Whether SIGTERM has arrived.
    public static var isRequested: Bool {
        lambda_shutdown_requested() != 0
    }

    /// Lets SIGTERM interrupt `worker`'s waits in `next` on this transport's connection.
    static func attach(_ transport: CurlRuntimeAPITransport, worker: Int) -> Bool {
        lambda_shutdown_attach(transport.curlHandle, Int32(worker)) == 0
    }
}

/// One worker's marks around its `next` polls, for the SIGTERM handler.
public struct ShutdownWatch: Sendable {
    let worker: Int32

    init(worker: Int) {
        self.worker = Int32(worker)
    }

    /// False when shutdown was requested: poll no more.
    func beginPoll() -> Bool {
        lambda_shutdown_begin_poll(worker) != 0
    }

    func endPoll() {
        lambda_shutdown_end_poll(worker)
    }

    var isRequested: Bool { RuntimeShutdown.isRequested }
}
