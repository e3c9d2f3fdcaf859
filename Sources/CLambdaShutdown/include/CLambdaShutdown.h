#ifndef CLAMBDA_SHUTDOWN_H
#define CLAMBDA_SHUTDOWN_H
// SIGTERM for the Lambda runtime: the handler only sets a flag and shuts down the sockets of
// workers waiting in `next` (shutdown(2) is async-signal-safe), so a worker blocked in a
// long poll returns, and a worker serving an invocation finishes it. Everything else (closing
// database connections, the last log line, exit) happens on the runtime's own threads.

/// The most workers the runtime runs (AWS_LAMBDA_MAX_CONCURRENCY is capped to it).
#define LAMBDA_SHUTDOWN_MAX_WORKERS 256

/// Installs the SIGTERM handler; 0 on success, -1 with errno set.
int lambda_shutdown_install(void);
/// 1 once SIGTERM has arrived, else 0.
int lambda_shutdown_requested(void);
/// What the SIGTERM handler does (async-signal-safe).
void lambda_shutdown_request(void);
/// Registers the curl easy handle `worker` polls with, so its sockets can be interrupted.
/// Returns 0 on success, -1 when worker is out of range or libcurl refused the options.
int lambda_shutdown_attach(void *curl_handle, int worker);
/// Marks `worker` as about to wait in `next`: 0 when shutdown was requested (do not poll), 1 otherwise.
int lambda_shutdown_begin_poll(int worker);
/// Marks `worker` as done waiting in `next`.
void lambda_shutdown_end_poll(int worker);
#endif
