#include "CLambdaShutdown.h"

#include <curl/curl.h>
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct worker_slot {
    /// The socket libcurl opened last for this worker's handle, or -1 once closed.
    atomic_int socket;
    /// 1 while the worker waits in `next`.
    atomic_int polling;
    /// 1 while the socket number is being read (the handler) or retired (the close callback),
    /// so the handler never shuts down a number that has been closed and reused meanwhile.
    atomic_int busy;
};

static atomic_int stopping;
static atomic_int worker_count;
static struct worker_slot slots[LAMBDA_SHUTDOWN_MAX_WORKERS];

// Async-signal-safe: atomics and shutdown(2) only.
static void interrupt_poll(struct worker_slot *slot) {
    if (!atomic_load(&slot->polling)) return;
    int expected = 0;
    // Retiring the socket right now (on this very thread, or another): it is not the one to
    // shut down, and the next one's open callback sees `stopping`.
    if (!atomic_compare_exchange_strong(&slot->busy, &expected, 1)) return;
    int fd = atomic_load(&slot->socket);
    if (fd >= 0) shutdown(fd, SHUT_RDWR);
    atomic_store(&slot->busy, 0);
}

void lambda_shutdown_request(void) {
    int saved = errno;
    atomic_store(&stopping, 1);
    int count = atomic_load(&worker_count);
    for (int index = 0; index < count; index++) interrupt_poll(&slots[index]);
    errno = saved;
}

static void on_sigterm(int signal_number) {
    (void)signal_number;
    lambda_shutdown_request();
}

int lambda_shutdown_install(void) {
    for (int index = 0; index < LAMBDA_SHUTDOWN_MAX_WORKERS; index++) atomic_store(&slots[index].socket, -1);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigterm;
    sigemptyset(&action.sa_mask);
    // Interrupted reads and writes carry on; poll(2) returns EINTR whatever the flag, and
    // libcurl's and the database client's waits retry it.
    action.sa_flags = SA_RESTART;
    return sigaction(SIGTERM, &action, NULL);
}

int lambda_shutdown_requested(void) {
    return atomic_load(&stopping);
}

static int on_socket_open(void *context, curl_socket_t fd, curlsocktype purpose) {
    (void)purpose;
    struct worker_slot *slot = context;
    atomic_store(&slot->socket, fd);
    // A new connection for a `next` after SIGTERM: refuse it rather than wait on it.
    if (atomic_load(&stopping) && atomic_load(&slot->polling)) return CURL_SOCKOPT_ERROR;
    return CURL_SOCKOPT_OK;
}

static int on_socket_close(void *context, curl_socket_t fd) {
    struct worker_slot *slot = context;
    if (atomic_load(&slot->socket) == fd) {
        int expected = 0;
        // The handler holds `busy` for a few instructions at most, on another thread (if it
        // interrupted this thread it has returned before this loop runs again).
        while (!atomic_compare_exchange_weak(&slot->busy, &expected, 1)) expected = 0;
        atomic_store(&slot->socket, -1);
        atomic_store(&slot->busy, 0);
    }
    return close(fd);
}

int lambda_shutdown_attach(void *curl_handle, int worker) {
    if (worker < 0 || worker >= LAMBDA_SHUTDOWN_MAX_WORKERS) return -1;
    struct worker_slot *slot = &slots[worker];
    atomic_store(&slot->socket, -1);
    if (curl_easy_setopt(curl_handle, CURLOPT_SOCKOPTFUNCTION, on_socket_open) != CURLE_OK) return -1;
    if (curl_easy_setopt(curl_handle, CURLOPT_SOCKOPTDATA, slot) != CURLE_OK) return -1;
    if (curl_easy_setopt(curl_handle, CURLOPT_CLOSESOCKETFUNCTION, on_socket_close) != CURLE_OK) return -1;
    if (curl_easy_setopt(curl_handle, CURLOPT_CLOSESOCKETDATA, slot) != CURLE_OK) return -1;
    int count = atomic_load(&worker_count);
    while (count < worker + 1 && !atomic_compare_exchange_weak(&worker_count, &count, worker + 1)) {}
    return 0;
}

int lambda_shutdown_begin_poll(int worker) {
    atomic_store(&slots[worker].polling, 1);
    // Either this sees `stopping`, or the handler sees `polling` (both sequentially consistent).
    if (atomic_load(&stopping)) {
        atomic_store(&slots[worker].polling, 0);
        return 0;
    }
    return 1;
}

void lambda_shutdown_end_poll(int worker) {
    atomic_store(&slots[worker].polling, 0);
}
