#define _GNU_SOURCE
#include "CProcessSpawn.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

// Between fork and exec only async-signal-safe calls: the parent has other threads.
static void mark_close_on_exec_from(int first) {
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)first, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return;
#endif
    struct rlimit limit;
    long last = 65536;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && (long)limit.rlim_cur < last) {
        last = (long)limit.rlim_cur;
    }
    for (int fd = first; fd < last; fd++) {
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
}

int cprocess_spawn(const char *path, char *const argv[], char *const envp[], int stdout_fd, int stderr_fd, pid_t *pid) {
    pid_t parent = getpid();
    // The child writes its errno here when it cannot exec; exec closes it (EOF: success).
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return errno;
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(report[0]);
        close(report[1]);
        return error;
    }
    if (child == 0) {
        int error = 0;
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) { error = errno; goto failed; }
        // The parent died before the line above: nobody would send the signal.
        if (getppid() != parent) _exit(127);
        struct sigaction action = {0};
        action.sa_handler = SIG_DFL;
        sigemptyset(&action.sa_mask);
        sigaction(SIGPIPE, &action, NULL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        int null = open("/dev/null", O_RDONLY);
        if (null < 0) { error = errno; goto failed; }
        if (dup2(null, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) { error = errno; goto failed; }
        mark_close_on_exec_from(3);
        execve(path, argv, envp);
        error = errno;
    failed:
        while (write(report[1], &error, sizeof error) < 0 && errno == EINTR) {}
        _exit(127);
    }
    close(report[1]);
    int error = 0;
    ssize_t count;
    do { count = read(report[0], &error, sizeof error); } while (count < 0 && errno == EINTR);
    close(report[0]);
    if (count == (ssize_t)sizeof error) {
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
        return error;
    }
    *pid = child;
    return 0;
}
