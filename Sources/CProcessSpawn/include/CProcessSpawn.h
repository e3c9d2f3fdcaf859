#ifndef CPROCESS_SPAWN_H
#define CPROCESS_SPAWN_H
#include <sys/types.h>

/// Starts `path` with `argv` and `envp` for the Runtime API emulator: stdin /dev/null, stdout
/// and stderr on the given descriptors, every other descriptor closed at exec, no blocked
/// signals, SIGPIPE at its default, and SIGKILL when the thread that called this exits (the
/// emulator calls it from a thread that lives as long as the process), so a function never
/// outlives a killed emulator. Returns 0 and sets *pid, or an errno value.
int cprocess_spawn(const char *path, char *const argv[], char *const envp[], int stdout_fd, int stderr_fd, pid_t *pid);

#endif
