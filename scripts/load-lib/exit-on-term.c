// Preloaded into the ASan-built function by scripts/leak-check: SIGTERM makes the process
// exit() (the default action would end it without running exit handlers), so
// LeakSanitizer's check at exit runs and reports. A test harness only: exit() is not
// async-signal-safe, and the function is idle (waiting on the Runtime API) when it comes.
#include <signal.h>
#include <stdlib.h>

__attribute__((noinline)) static void leak_on_purpose(void) {
    for (int i = 0; i < 100; i++) {
        char *volatile lost = malloc(4321);
        lost[0] = 1;
    }
}

static void exit_on_term(int signal_number) {
    (void)signal_number;
    exit(0);
}

__attribute__((constructor)) static void install(void) {
    // LEAK_CHECK_CANARY=1 leaks 100 blocks on purpose, to show that the check reports.
    if (getenv("LEAK_CHECK_CANARY") != NULL) leak_on_purpose();
    signal(SIGTERM, exit_on_term);
}
